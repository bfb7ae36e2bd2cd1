package org.pchat.xccos.codec;

/**
 * Every limit the XCCOS decoder enforces, validated on construction (ARCHITECTURE.md §6: "every input has a
 * limit with a clear error").
 *
 * @param maxBodyBytes            the UTF-8 body size, checked before parsing
 * @param maxDepth                element nesting; XCCOS itself needs 6 ({@code xccos/rpl/data/chanib/msg/chat})
 * @param maxAttributesPerElement attributes on one element (namespace declarations excluded)
 * @param maxAttributeValueLength characters of one attribute value (e.g. a base64 {@code pref/@content})
 * @param maxTextLength           characters of text inside one element (e.g. {@code chat})
 * @param maxElements             elements in the whole body
 */
public record XccosLimits(int maxBodyBytes, int maxDepth, int maxAttributesPerElement, int maxAttributeValueLength,
                          int maxTextLength, int maxElements) {

    /** The depth the protocol needs: {@code xccos/rpl/data/chanib/msg/chat}. */
    public static final int PROTOCOL_DEPTH = 6;

    private static final int MAX_SIZE = 16 * 1024 * 1024;

    public XccosLimits {
        check(XccosLimit.BODY_BYTES, maxBodyBytes, 256, MAX_SIZE, "");
        check(XccosLimit.DEPTH, maxDepth, PROTOCOL_DEPTH, 256,
                " (XCCOS nests " + PROTOCOL_DEPTH + " deep: xccos/rpl/data/chanib/msg/chat)");
        check(XccosLimit.ATTRIBUTES_PER_ELEMENT, maxAttributesPerElement, 8, 1024,
                " (a sib carries 7 attributes)");
        check(XccosLimit.ATTRIBUTE_VALUE_LENGTH, maxAttributeValueLength, 64, MAX_SIZE, "");
        check(XccosLimit.TEXT_LENGTH, maxTextLength, 64, MAX_SIZE, "");
        check(XccosLimit.ELEMENTS, maxElements, 16, 1_000_000, "");
    }

    /** 64 KiB body, depth 16, 32 attributes, 16 KiB attribute values and texts, 4096 elements. */
    public static XccosLimits defaults() {
        return new XccosLimits(64 * 1024, 16, 32, 16 * 1024, 16 * 1024, 4096);
    }

    /** These limits with another body size. */
    public XccosLimits withMaxBodyBytes(int value) {
        return new XccosLimits(value, maxDepth, maxAttributesPerElement, maxAttributeValueLength, maxTextLength,
                maxElements);
    }

    /** These limits with another depth. */
    public XccosLimits withMaxDepth(int value) {
        return new XccosLimits(maxBodyBytes, value, maxAttributesPerElement, maxAttributeValueLength, maxTextLength,
                maxElements);
    }

    /** These limits with another attribute count. */
    public XccosLimits withMaxAttributesPerElement(int value) {
        return new XccosLimits(maxBodyBytes, maxDepth, value, maxAttributeValueLength, maxTextLength, maxElements);
    }

    /** These limits with another attribute value length. */
    public XccosLimits withMaxAttributeValueLength(int value) {
        return new XccosLimits(maxBodyBytes, maxDepth, maxAttributesPerElement, value, maxTextLength, maxElements);
    }

    /** These limits with another text length. */
    public XccosLimits withMaxTextLength(int value) {
        return new XccosLimits(maxBodyBytes, maxDepth, maxAttributesPerElement, maxAttributeValueLength, value,
                maxElements);
    }

    /** These limits with another element count. */
    public XccosLimits withMaxElements(int value) {
        return new XccosLimits(maxBodyBytes, maxDepth, maxAttributesPerElement, maxAttributeValueLength,
                maxTextLength, value);
    }

    private static void check(XccosLimit limit, int value, int min, int max, String why) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("XccosLimits." + limit.property() + " = " + value
                    + " is outside the accepted range [" + min + ", " + max + "]" + why);
        }
    }
}
