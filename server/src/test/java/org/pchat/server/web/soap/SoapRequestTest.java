package org.pchat.server.web.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoapRequestTest {

    @Test
    void readsTheAppendChunkCaptureOfXccos8_1() {
        String body = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
                    <s:Body>
                        <AppendChunk xmlns="http://www.microsoft.com">
                            <token>2baa3978-7511-4050-8be7-f1670d8fc220</token>
                            <channelId>094f5a4a-c492-4f6b-91c2-385eba134fd3</channelId>
                            <uniqueFilename>a912898f-cf23-476b-a644-0c541d7cfdcf.txt</uniqueFilename>
                            <fileChunk>U2lwOktpbXRlc3QyLnlhbmdAbHluYy5uZXh0bGFicy5zb2x1dGlvbnMNCg==</fileChunk>
                            <offset>0</offset>
                            <fileLength>43</fileLength>
                        </AppendChunk>
                    </s:Body>
                </s:Envelope>
                """;

        SoapRequest request = SoapRequest.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(request.operation()).isEqualTo("AppendChunk");
        assertThat(request.parameter("channelId")).contains("094f5a4a-c492-4f6b-91c2-385eba134fd3");
        assertThat(request.parameter("uniqueFilename")).contains("a912898f-cf23-476b-a644-0c541d7cfdcf.txt");
        assertThat(request.parameter("fileLength")).contains("43");
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<GetFileSize xmlns=\"http://www.microsoft.com\"><token>&x;</token></GetFileSize></s:Body></s:Envelope>";

        assertThatThrownBy(() -> SoapRequest.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SoapFault.class).hasMessageNotContaining("root:");
    }

    @Test
    void refusesEntityExpansion_billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<GetFileSize xmlns=\"http://www.microsoft.com\"><token>&l9;</token></GetFileSize></s:Body></s:Envelope>");

        assertThatThrownBy(() -> SoapRequest.parse(dtd.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SoapFault.class);
    }

    @Test
    void refusesOtherEnvelopesAndNamespaces() {
        assertThatThrownBy(() -> SoapRequest.parse("<Envelope/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SoapFault.class).hasMessageContaining("SOAP 1.1 Envelope");
        String wrongNs = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<GetFileSize xmlns=\"urn:other\"/></s:Body></s:Envelope>";
        assertThatThrownBy(() -> SoapRequest.parse(wrongNs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SoapFault.class).hasMessageContaining("urn:other");
        assertThatThrownBy(() -> SoapRequest.parse("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SoapFault.class).hasMessageContaining("well-formed");
    }

    @Test
    void faultResponseEscapesItsText() {
        String xml = new String(SoapResponses.fault(SoapFault.client("bad <name> & more")), StandardCharsets.UTF_8);

        assertThat(xml).contains("<faultcode>soap:Client</faultcode>").contains("bad &lt;name&gt; &amp; more");
    }
}
