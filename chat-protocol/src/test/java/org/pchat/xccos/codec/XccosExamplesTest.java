package org.pchat.xccos.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchat.xccos.codec.XccosExamples.Example;

/** Every captured or quoted message of xccos.md decodes to its model and round-trips through the encoder. */
class XccosExamplesTest {

    private final XccosDecoder decoder = new XccosDecoder();
    private final XccosEncoder encoder = new XccosEncoder();

    static List<Example> examples() {
        return XccosExamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("xccos.md example decodes to the expected records")
    void decodesToExpectedRecords(Example example) throws XccosException {
        assertThat(decoder.decode(example.xml())).isEqualTo(example.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("xccos.md example decodes the same from UTF-8 bytes")
    void decodesTheSameFromUtf8Bytes(Example example) throws XccosException {
        assertThat(decoder.decode(example.xml().getBytes(StandardCharsets.UTF_8))).isEqualTo(example.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("xccos.md example round-trips: encode, decode, equal records")
    void roundTripsThroughTheEncoder(Example example) throws XccosException {
        assertThat(decoder.decode(encoder.encode(example.expected()))).isEqualTo(example.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("re-encoding a decoded xccos.md example gives the encoding of the expected records")
    void reEncodingTheDecodedWireTextIsStable(Example example) throws XccosException {
        assertThat(encoder.encode(decoder.decode(example.xml()))).isEqualTo(encoder.encode(example.expected()));
    }

    @Test
    @DisplayName("the fixture covers every section the issue lists (xccos.md §3.3 to §5.1)")
    void fixtureCoversEveryListedSection() {
        assertThat(examples()).extracting(e -> e.section().split(" ")[0]).contains("§3.3", "§4.1", "§4.2", "§4.3",
                "§4.4", "§4.5", "§4.6", "§4.7", "§4.8", "§4.9", "§4.10", "§4.11", "§4.12", "§5.1");
    }
}
