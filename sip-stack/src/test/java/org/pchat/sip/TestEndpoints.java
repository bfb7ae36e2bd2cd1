package org.pchat.sip;

/** Endpoint configurations for tests: loopback, free ports, small thread pools. */
final class TestEndpoints {

    private TestEndpoints() {
    }

    static SipStackConfig.Builder config(String name) {
        return SipStackConfig.builder(name)
                .bindAddress("127.0.0.1")
                .listen(SipTransport.TCP, 0)
                .listen(SipTransport.UDP, 0)
                .threadPoolSize(2);
    }

    static SipEndpoint start(SipStackConfig config, RecordingApp app) {
        SipEndpoint endpoint = new SipEndpoint(config, app, app);
        endpoint.start();
        return endpoint;
    }
}
