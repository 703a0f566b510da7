package cn.gongkai.request;

import cn.gongkai.org.StaffPrincipal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a request registered by the office came from when it first arrived as something else: a citizen's message or
 * a hotline call that was really a request for disclosure (opinion module). The register form is filled from the
 * origin, keeps its received date and channel, and tells the origin the tracking number once the request is in.
 */
public interface RequestOrigins {

    /** The origin {@code ref} (e.g. {@code MESSAGE-12}) as {@code me} may convert it, or empty. */
    Optional<Origin> find(StaffPrincipal me, String ref);

    /** The request is registered: the origin records its tracking number and leaves the office's open work. */
    void converted(StaffPrincipal me, String ref, String trackingNumber);

    record Origin(String ref, RequestChannel channel, LocalDate receivedOn, String name, String phone, String email,
            String description) {
    }
}
