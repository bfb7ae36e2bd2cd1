package org.pchat.server.web.soap;

/**
 * A SOAP 1.1 fault (SOAP 1.1 §4.4): {@code soap:Client} when the request is at fault, {@code soap:Server}
 * when the server is. The message is the {@code faultstring}; it never carries a token.
 */
public final class SoapFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean client;

    private SoapFault(boolean client, String message, Throwable cause) {
        super(message, cause);
        this.client = client;
    }

    /** The request is at fault. */
    public static SoapFault client(String message) {
        return new SoapFault(true, message, null);
    }

    /** The server is at fault. */
    public static SoapFault server(String message, Throwable cause) {
        return new SoapFault(false, message, cause);
    }

    /** The fault code: {@code soap:Client} or {@code soap:Server}. */
    public String code() {
        return client ? "soap:Client" : "soap:Server";
    }
}
