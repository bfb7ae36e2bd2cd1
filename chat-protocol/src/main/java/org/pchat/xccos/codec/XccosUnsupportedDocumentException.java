package org.pchat.xccos.codec;

import org.pchat.xccos.model.XccosEnvelope;

/** Well-formed XML whose root element is not {@code xccos} in namespace {@code urn:parlano:xml:ns:xccos}. */
public final class XccosUnsupportedDocumentException extends XccosException {

    private static final long serialVersionUID = 1L;

    private final String namespace;
    private final String localName;

    XccosUnsupportedDocumentException(String namespace, String localName) {
        super(XccosErrorKind.NOT_XCCOS, "XCCOS body root is {" + namespace + "}" + localName + ", expected {"
                + XccosEnvelope.NAMESPACE + "}" + XccosEnvelope.ELEMENT, null);
        this.namespace = namespace;
        this.localName = localName;
    }

    /** The root element's namespace, empty when it had none. */
    public String namespace() {
        return namespace;
    }

    /** The root element's local name. */
    public String localName() {
        return localName;
    }
}
