package cn.gongkai.request;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The request a portal visitor has tracked, kept in that browser's session only, so that the query code travels once
 * in a POST body and never in a URL: the tracking page, the reply letter and the released files read it from here.
 * The code is checked again on every use.
 */
@Component
class PortalTracking {

    static final String ATTRIBUTE = PortalTracking.class.getName() + ".tracked";

    private final RequestDesk desk;
    private final RequestAttachments attachments;

    PortalTracking(RequestDesk desk, RequestAttachments attachments) {
        this.desk = desk;
        this.attachments = attachments;
    }

    /** The number and code the visitor gave; kept on the server, in the session. */
    record Tracked(String number, String code) implements Serializable {
    }

    /** Finds the request by number and code and keeps it in the session; a miss forgets what was tracked before. */
    Optional<InfoRequest> track(HttpSession session, String number, String code) {
        Optional<InfoRequest> found = desk.track(number, code);
        if (found.isPresent()) {
            session.setAttribute(ATTRIBUTE, new Tracked(found.get().getTrackingNumber(), RequestDesk.typed(code)));
        } else {
            session.removeAttribute(ATTRIBUTE);
        }
        return found;
    }

    Optional<Tracked> tracked(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).map(Tracked.class::cast);
    }

    /** The tracked request as it is now, or nothing when this session has tracked none. */
    Optional<InfoRequest> current(HttpSession session) {
        return tracked(session).flatMap(t -> desk.track(t.number(), t.code()));
    }

    /** A file released to the tracked request, once replied; the download is audited. */
    Optional<RequestFileStore.Download> releasedFile(HttpSession session, Long fileId) {
        return tracked(session).flatMap(t -> attachments.applicantDownload(t.number(), t.code(), fileId));
    }
}
