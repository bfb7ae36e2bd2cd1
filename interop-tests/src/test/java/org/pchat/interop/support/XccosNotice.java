package org.pchat.interop.support;

import java.util.ArrayList;
import java.util.List;

/**
 * An unsolicited {@code ntc} (xccos.md §3.4).
 *
 * @param id e.g. {@code ntc:join}, {@code ntc:part}
 * @param data the {@code data} child (empty when absent)
 */
public record XccosNotice(String id, XmlNode data) implements XccosElement {

    /**
     * For {@code ntc:join}/{@code ntc:bjoin}: each {@code data/uib[@uri]/aib[@domain,@value]} as a presence, the
     * room rebuilt as {@code ma-chan://{aib@domain}/{aib@value}} (§4.8).
     */
    public List<Presence> joined() {
        List<Presence> out = new ArrayList<>();
        for (XmlNode uib : data.children("uib")) {
            for (XmlNode aib : uib.children("aib")) {
                out.add(new Presence(uib.attr("uri"), new RoomUri(aib.attr("domain"), aib.attr("value")).toString()));
            }
        }
        return out;
    }

    /** For {@code ntc:part}: each {@code data/chanib[@uri]/uib[@uri]} as a presence (§4.8). */
    public List<Presence> parted() {
        List<Presence> out = new ArrayList<>();
        for (XmlNode chanib : data.children("chanib")) {
            for (XmlNode uib : chanib.children("uib")) {
                out.add(new Presence(uib.attr("uri"), chanib.attr("uri")));
            }
        }
        return out;
    }
}
