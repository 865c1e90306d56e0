package com.tictactoe.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiCallTest {

    @Test
    void aQueryParameterIsItsFirstValueDecodedAsUtf8() {
        assertEquals(Optional.of("bob"), ApiCall.queryValue("opponent=bob", "opponent"));
        assertEquals(Optional.of("b\u00f6b x"), ApiCall.queryValue("a=1&opponent=b%C3%B6b+x&opponent=eve", "opponent"));
        assertEquals(Optional.of(""), ApiCall.queryValue("opponent", "opponent"));
        assertEquals(Optional.of(""), ApiCall.queryValue("opponent=&opponent=bob", "opponent"));
    }

    @Test
    void aMissingParameterIsEmptyAndAPrefixOfAnotherDoesNotCount() {
        assertEquals(Optional.empty(), ApiCall.queryValue(null, "opponent"));
        assertEquals(Optional.empty(), ApiCall.queryValue("", "opponent"));
        assertEquals(Optional.empty(), ApiCall.queryValue("opponents=bob&xopponent=eve", "opponent"));
    }

    @Test
    void anEncodingNoBrowserWritesIsA400() {
        ApiRefusal refused = assertThrows(ApiRefusal.class, () -> ApiCall.queryValue("opponent=%ZZ", "opponent"));
        assertEquals(400, refused.status());
        assertThrows(ApiRefusal.class, () -> ApiCall.queryValue("opponent=100%", "opponent"));
    }
}
