package org.pchat.xccos.codec;

/** The limits of {@link XccosLimits}, each naming its configuration property. */
public enum XccosLimit {
    BODY_BYTES("maxBodyBytes", "body size in bytes"),
    DEPTH("maxDepth", "element depth"),
    ATTRIBUTES_PER_ELEMENT("maxAttributesPerElement", "attributes on one element"),
    ATTRIBUTE_VALUE_LENGTH("maxAttributeValueLength", "attribute value length in characters"),
    TEXT_LENGTH("maxTextLength", "text length of one element in characters"),
    ELEMENTS("maxElements", "element count");

    private final String property;
    private final String description;

    XccosLimit(String property, String description) {
        this.property = property;
        this.description = description;
    }

    /** The {@link XccosLimits} component name. */
    public String property() {
        return property;
    }

    /** What is measured. */
    public String description() {
        return description;
    }

    /** This limit's value in {@code limits}. */
    public int valueIn(XccosLimits limits) {
        return switch (this) {
            case BODY_BYTES -> limits.maxBodyBytes();
            case DEPTH -> limits.maxDepth();
            case ATTRIBUTES_PER_ELEMENT -> limits.maxAttributesPerElement();
            case ATTRIBUTE_VALUE_LENGTH -> limits.maxAttributeValueLength();
            case TEXT_LENGTH -> limits.maxTextLength();
            case ELEMENTS -> limits.maxElements();
        };
    }
}
