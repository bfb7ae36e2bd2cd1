package org.pchat.interop.support;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Response;

/**
 * Answers a 401/407 challenge to a request a test client sent (RFC 3261 §22). Chat-node tests talk to the
 * node directly and need none; tests through the next-hop proxy plug in digest credentials.
 */
@FunctionalInterface
public interface SipAuthenticator {

    /**
     * A new client transaction carrying credentials for the challenged request, not yet sent; empty to give up.
     *
     * @param challenged the transaction that got the challenge
     * @param challenge the 401 or 407
     * @param stack the client's stack
     * @param provider the client's provider
     * @param headers the client's header factory
     */
    Optional<ClientTransaction> answer(ClientTransaction challenged, Response challenge, SipStackExt stack,
            SipProvider provider, HeaderFactory headers) throws SipException;

    /** Never answers: a challenge is the final outcome. */
    static SipAuthenticator none() {
        return (challenged, challenge, stack, provider, headers) -> Optional.empty();
    }

    /**
     * Digest (RFC 2617/7616) with JAIN-SIP's authentication helper.
     *
     * @param username the digest user name, e.g. {@code alice@example.com}
     * @param password the password
     */
    static SipAuthenticator digest(String username, String password) {
        AccountManager accounts = (transaction, realm) -> new UserCredentials() {
            @Override
            public String getUserName() {
                return username;
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getSipDomain() {
                return realm;
            }
        };
        return (challenged, challenge, stack, provider, headers) -> Optional.of(
                stack.getAuthenticationHelper(accounts, headers).handleChallenge(challenge, challenged, provider, 5));
    }
}
