/**
 * The servlet filters every request passes before a page sees it: strict decoding of forms, the refusal
 * of requests no page of ours sends, security headers, relative redirects and the answer when DynamoDB is
 * unreachable. Uses the shared root, accounts and errors; no room uses it.
 */
package com.tictactoe.web.guards;
