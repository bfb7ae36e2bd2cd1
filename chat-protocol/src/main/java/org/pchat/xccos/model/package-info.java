/**
 * The XCCOS model (Lync Persistent Chat channel protocol, {@code /work/shared/protocol/xccos.md}) as immutable
 * records and sealed types.
 *
 * <ul>
 *   <li>{@link org.pchat.xccos.model.XccosEnvelope}{@code (version, envId, payload)}: one SIP INFO body; the
 *       unsigned 64-bit envid lives in a {@code long}.</li>
 *   <li>{@link org.pchat.xccos.model.XccosElement} = {@link org.pchat.xccos.model.Command} |
 *       {@link org.pchat.xccos.model.Reply} | {@link org.pchat.xccos.model.Notice} |
 *       {@link org.pchat.xccos.model.GroupChat}.</li>
 *   <li>{@code Command(seqId, CommandData)}: one {@link org.pchat.xccos.model.CommandData} record per
 *       {@link org.pchat.xccos.model.CommandId}, plus {@code UnknownCommandData} for ids this server does not
 *       know.</li>
 *   <li>{@code Reply} and {@code Notice} carry {@link org.pchat.xccos.model.DataBlock}s ({@code uib},
 *       {@code chanib}, {@code fib}, {@code sib}, {@code pref}, {@code inv}, {@code token}); build them with
 *       {@code Reply.success/error} and {@code Notice.join/part}.</li>
 *   <li>Values: {@code ChanUri}/{@code CatUri} ({@code ma-chan://}, {@code ma-cat://}), {@code PermissionSet}
 *       over {@code Permission} bits, {@code Response} over {@code ResponseCode}.</li>
 * </ul>
 *
 * Java 17 has no pattern switch, so every sealed family has a {@code Visitor} for exhaustive dispatch.
 * Constructors throw {@link java.lang.IllegalArgumentException} or {@link java.lang.NullPointerException} for
 * invalid values.
 */
package org.pchat.xccos.model;
