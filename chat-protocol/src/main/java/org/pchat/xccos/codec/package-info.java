/**
 * The hardened XCCOS codec: {@link org.pchat.xccos.codec.XccosDecoder} (SIP INFO body to model, limited by
 * {@link org.pchat.xccos.codec.XccosLimits}, failing with an {@link org.pchat.xccos.codec.XccosException} whose
 * {@link org.pchat.xccos.codec.XccosErrorKind} picks the answer) and {@link org.pchat.xccos.codec.XccosEncoder}.
 */
package org.pchat.xccos.codec;
