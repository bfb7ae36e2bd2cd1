package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the few fields the driver needs from stanzas as Prosody, ejabberd and pchat write them. */
class XmppStanzaTest {

    @Test
    void nameOfElementsWithAndWithoutPrefixAndAttributes() {
        assertThat(XmppStanza.name("<message to='a'/>")).isEqualTo("message");
        assertThat(XmppStanza.name("<stream:features>")).isEqualTo("stream:features");
        assertThat(XmppStanza.name("<success/>")).isEqualTo("success");
        assertThat(XmppStanza.name("</stream:stream>")).isEqualTo("/stream:stream");
    }

    @Test
    void attributesInSingleOrDoubleQuotesAreReadFromTheStartTagOnly() {
        String xml = "<presence from=\"r@muc/n&amp;m\" xml:lang='en' type='error'><x type='submit'/></presence>";

        assertThat(XmppStanza.attribute(xml, "from")).hasValue("r@muc/n&m");
        assertThat(XmppStanza.attribute(xml, "type")).hasValue("error");
        assertThat(XmppStanza.attribute(xml, "lang")).isEmpty();
        assertThat(XmppStanza.attribute("<iq id='1'><query to='x'/></iq>", "to")).isEmpty();
    }

    @Test
    void childTextIsUnescapedAndAnEmptyChildIsEmptyText() {
        String xml = "<message><bodyx>no</bodyx><body>a &lt;b&gt; &#x41;&#66;</body><subject/></message>";

        assertThat(XmppStanza.childText(xml, "body")).hasValue("a <b> AB");
        assertThat(XmppStanza.childText(xml, "subject")).hasValue("");
        assertThat(XmppStanza.childText(xml, "thread")).isEmpty();
    }

    @Test
    void statusCodesOfXep0045AreFoundInEitherQuoteStyle() {
        assertThat(XmppStanza.hasStatus("<x><status code='201'/></x>", 201)).isTrue();
        assertThat(XmppStanza.hasStatus("<x><status code=\"110\"/></x>", 110)).isTrue();
        assertThat(XmppStanza.hasStatus("<x><status code='110'/></x>", 201)).isFalse();
    }

    @Test
    void escapeAndUnescapeRoundTrip() {
        String text = "a<b>&'\"c";

        assertThat(XmppStanza.unescape(XmppStanza.escape(text))).isEqualTo(text);
    }
}
