package org.pchat.proxy.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The persistentChatConfiguration group ([MS-SIPREGE] §2.2.2.5.11, xccos.md §11). */
class ProvisioningDocumentTest {

    @Test
    void namesThePoolUrisAndTheRoomManagementUrl() {
        String xml = new ProvisioningDocument("sip:ocschat@example.com",
                List.of("sip:ocschat@example.com", "sip:pool2@example.com"),
                Optional.of(URI.create("https://chat.example.com/rm?a=1&b=2"))).toXml();

        assertThat(xml).startsWith("<provisionGroupList xmlns=\"" + ProvisioningDocument.NAMESPACE + "\">")
                .contains("<provisionGroup name=\"ServerConfiguration\"></provisionGroup>")
                .contains("<property name=\"EnablePersistentChat\">true</property>")
                .contains("<property name=\"DefaultPersistentChatPoolUri\">sip:ocschat@example.com</property>")
                .contains("<property name=\"PersistentChatPoolUris\">sip:ocschat@example.com "
                        + "sip:pool2@example.com</property>")
                .contains("<property name=\"PersistentChatWebManagerUriInt\">https://chat.example.com/rm?a=1&amp;b=2"
                        + "</property>");
    }

    @Test
    void leavesOutTheRoomManagementUrlWhenNoneIsConfigured() {
        String xml = new ProvisioningDocument("sip:ocschat@example.com", List.of("sip:ocschat@example.com"),
                Optional.empty()).toXml();

        assertThat(xml).doesNotContain("PersistentChatWebManagerUri");
    }
}
