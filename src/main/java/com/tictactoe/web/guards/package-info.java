/**
 * The servlet filters every request passes before a page sees it: strict decoding of forms, the refusal
 * of requests no page of ours sends, security headers, relative redirects and the answer when DynamoDB is
 * unreachable, the turns pages and moves take. Uses the shared root, accounts, errors and the API (to
 * answer a call it refuses as the API does); no room uses it.
 */
package com.tictactoe.web.guards;
