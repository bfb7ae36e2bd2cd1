package org.pchat.server.xmpp;

import java.io.IOException;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses XEP-0359 stanza-id elements on the test client. Smack's fallback parser asserts on the default
 * namespace declaration its StAX parser reports (with assertions on, as in our tests), so the element gets a
 * provider of its own.
 */
final class StanzaIdProvider extends ExtensionElementProvider<StandardExtensionElement> {

    static final String NAMESPACE = "urn:xmpp:sid:0";

    static void register() {
        ProviderManager.addExtensionProvider("stanza-id", NAMESPACE, new StanzaIdProvider());
    }

    @Override
    public StandardExtensionElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException {
        StandardExtensionElement element = StandardExtensionElement.builder("stanza-id", NAMESPACE)
                .addAttribute("id", parser.getAttributeValue("id"))
                .addAttribute("by", parser.getAttributeValue("by"))
                .build();
        while (!(parser.next() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth)) {
            // skip to the end tag of the element, as providers must
            parser.getDepth();
        }
        return element;
    }
}
