package com.tictactoe.application;

import com.tictactoe.domain.AttemptCounterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Limits on password guessing and on sign-ups, counted in fixed time windows by counters that all
 * servers share (see {@link AttemptCounterRepository}). An attempt is counted before its password
 * is hashed, and refused there if a counter is at its limit: a refused attempt costs no hash, and
 * however many requests race, no more than the limit of them get to the hash. A sign-in that
 * turns out right takes its count back, so only failures stay counted.
 *
 * <p>Why these numbers: a person mistyping a password gets five tries per quarter hour at one
 * account from one address, which no one needs more of; the attacker's address is the one that
 * waits, and the owner signing in from anywhere else is not affected. Twenty failures per quarter
 * hour from one address, over all accounts, leave room for a family or an office behind one
 * address, but stop one client trying a password on many accounts (the probe tried 22 in 9 s):
 * it gets 80 guesses an hour instead of thousands. The per-account ceiling, 100 failures an hour
 * from all addresses together, is far above what its owner and a few mistaken guessers reach; it
 * only bites when many addresses guess at one account, and then slows that attack to 100 guesses
 * an hour. While it bites, the owner has to wait too, and is told so. Sign-ups: ten an hour from
 * one address lets a household or a small class sign up, while a script cannot fill the table;
 * a thousand an hour in all is far above this game's sign-ups, and caps what many addresses
 * together can create.
 *
 * <p>Windows are fixed (aligned to the epoch): at a window's end a client may use up both its
 * last window's and its next window's allowance in a short time, which at most doubles a limit
 * briefly and keeps each check to one atomic update per counter.
 */
@ApplicationScoped
public class AttemptLimits {

    private static final Logger LOG = Logger.getLogger(AttemptLimits.class.getName());

    /** Addresses never limited nor counted, e.g. a load test's: a comma-separated list. */
    public static final String UNLIMITED_ADDRESSES = "tictactoe.limits.unlimited-addresses";

    /** What is limited, how much, and per how long. */
    public enum Limit {
        ACCOUNT_FROM_ADDRESS("signin-pair", 5, Duration.ofMinutes(15)),
        FAILURES_FROM_ADDRESS("signin-address", 20, Duration.ofMinutes(15)),
        ACCOUNT("signin-account", 100, Duration.ofHours(1)),
        SIGN_UPS_FROM_ADDRESS("signup-address", 10, Duration.ofHours(1)),
        SIGN_UPS("signup-all", 1000, Duration.ofHours(1)),
        /** Not a counter: sign-ins at one account from one address that waited too long for their turn (SignInTurns). */
        SIMULTANEOUS_SIGN_INS("signin-turn", 0, Duration.ofSeconds(1));

        private final String kind;
        private final int max;
        private final Duration window;

        Limit(String kind, int max, Duration window) {
            this.kind = kind;
            this.max = max;
            this.window = window;
        }

        /** The key of what the person is told, in the web's bundle; its argument is the wait. */
        public String key() {
            return "limit." + name().toLowerCase(Locale.ROOT);
        }

        public int max() {
            return max;
        }

        public Duration window() {
            return window;
        }
    }

    /** An attempt refused by {@code limit}; it may be tried again after {@code retryAfter}. */
    public record Refusal(Limit limit, Duration retryAfter) {}

    /** The outcome of counting a sign-in attempt before its password is checked. */
    public final class SignInAttempt {

        private final Refusal refusal;
        private final List<String> counted;

        private SignInAttempt(Refusal refusal, List<String> counted) {
            this.refusal = refusal;
            this.counted = counted;
        }

        /** Why the attempt may not go on, or null if its password may be checked. */
        public Refusal refusal() {
            return refusal;
        }

        /** The password was right: only failures count, and this client's pair starts afresh. */
        public void succeeded() {
            if (refusal != null || counted.isEmpty()) {
                return;
            }
            counters.clear(counted.get(0));
            counted.subList(1, counted.size()).forEach(counters::takeBack);
        }
    }

    @Inject
    private AttemptCounterRepository counters;

    private final Clock clock;
    private final Set<String> unlimitedAddresses;

    public AttemptLimits() {
        this.clock = Clock.systemUTC();
        this.unlimitedAddresses = Configuration.list(UNLIMITED_ADDRESSES);
    }

    public AttemptLimits(AttemptCounterRepository counters, Clock clock, Set<String> unlimitedAddresses) {
        this.counters = counters;
        this.clock = clock;
        this.unlimitedAddresses = Set.copyOf(unlimitedAddresses);
    }

    /**
     * Counts a sign-in attempt by {@code address} at {@code username} as failed until it
     * {@link SignInAttempt#succeeded() succeeds}; refused if a limit is reached. The most specific
     * counter comes first, so an attempt refused by the address or the account limit has been
     * counted only against its own address.
     */
    public SignInAttempt startSignIn(String address, String username) {
        if (unlimitedAddresses.contains(address)) {
            return new SignInAttempt(null, List.of());
        }
        String client = clientOf(address);
        String account = username.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        String[] subjects = {client + "~" + account, client, account};
        Limit[] limits = {Limit.ACCOUNT_FROM_ADDRESS, Limit.FAILURES_FROM_ADDRESS, Limit.ACCOUNT};
        String[] keys = new String[limits.length];
        for (int i = 0; i < limits.length; i++) {
            keys[i] = key(limits[i], subjects[i], now);
            Refusal refusal = count(limits[i], keys[i], now);
            if (refusal != null) {
                return new SignInAttempt(refusal, List.of());
            }
        }
        return new SignInAttempt(null, Arrays.asList(keys));
    }

    /** Counts a sign-up by {@code address}; the refusal if a limit is reached, else null. */
    public Refusal startSignUp(String address) {
        if (unlimitedAddresses.contains(address)) {
            return null;
        }
        Instant now = clock.instant();
        Refusal refusal =
                count(Limit.SIGN_UPS_FROM_ADDRESS, key(Limit.SIGN_UPS_FROM_ADDRESS, clientOf(address), now), now);
        return refusal != null ? refusal : count(Limit.SIGN_UPS, key(Limit.SIGN_UPS, "all", now), now);
    }

    private Refusal count(Limit limit, String key, Instant now) {
        Instant windowEnd = windowStart(limit, now).plus(limit.window);
        if (counters.addUnlessAtLimit(key, limit.max, windowEnd)) {
            return null;
        }
        // An operator wants to see guessing and floods: which limit, for whom, until when.
        LOG.warning(() -> "Limit reached: " + limit + " (" + key + "), refused until " + windowEnd);
        return new Refusal(limit, Duration.between(now, windowEnd));
    }

    static String key(Limit limit, String subject, Instant now) {
        return limit.kind + "~" + windowStart(limit, now).getEpochSecond() + "~" + subject;
    }

    private static Instant windowStart(Limit limit, Instant now) {
        long length = limit.window.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), length) * length);
    }

    /**
     * The client an address stands for. One IPv6 subscriber usually has a whole /64 to pick
     * addresses from, so an IPv6 address counts by its first 64 bits.
     */
    /** Who attempts to sign in where: the client (see {@link #clientOf}) and the account, in any case. */
    static String pairOf(String address, String username) {
        return clientOf(address) + "~" + username.toLowerCase(Locale.ROOT);
    }

    static String clientOf(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return ((Inet6Address) InetAddress.getByAddress(bytes)).getHostAddress() + "/64";
        } catch (UnknownHostException | ClassCastException notAnAddress) {
            return address;
        }
    }
}
