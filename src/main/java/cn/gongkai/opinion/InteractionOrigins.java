package cn.gongkai.opinion;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.request.RequestChannel;
import cn.gongkai.request.RequestOrigins;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's message ({@code MESSAGE-<id>}) or a hotline call ({@code CALL-<id>}) that is really a request for
 * disclosure, as the office turns it into one: a message was received online on the day it was left; a call is an
 * oral request (Regulations Art. 29: 口头提出, filled in by the office) received on the day of the call.
 */
@Component
class InteractionOrigins implements RequestOrigins {

    private final MessageDesk messages;
    private final HotlineDesk calls;

    InteractionOrigins(MessageDesk messages, HotlineDesk calls) {
        this.messages = messages;
        this.calls = calls;
    }

    @Override
    @Transactional
    public Optional<Origin> find(StaffPrincipal me, String ref) {
        if (!me.has(Role.OFFICE) || ref == null) {
            return Optional.empty();
        }
        try {
            if (ref.startsWith("MESSAGE-")) {
                CitizenMessage m = messages.visible(me, Long.valueOf(ref.substring(8)));
                if (m.getStatus() == CitizenMessage.Status.CONVERTED) {
                    return Optional.empty();
                }
                String[] who = messages.personalData(me, m.getId());
                boolean email = who[1].contains("@");
                return Optional.of(new Origin(ref, RequestChannel.ONLINE, m.getReceivedOn(), who[0],
                        email ? "" : who[1], email ? who[1] : "", m.getSubject() + "\n" + m.getContent()));
            }
            if (ref.startsWith("CALL-")) {
                HotlineCall c = calls.visible(me, Long.valueOf(ref.substring(5)));
                if (c.getStatus() == HotlineCall.Status.CONVERTED) {
                    return Optional.empty();
                }
                String[] who = calls.personalData(me, c.getId());
                return Optional.of(new Origin(ref, RequestChannel.IN_PERSON, c.getReceivedOn(), who[0], who[1], "",
                        c.getSubject() + "\n" + c.getContent()));
            }
        } catch (NumberFormatException | OpinionDesk.OpinionNotFound e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public void converted(StaffPrincipal me, String ref, String trackingNumber) {
        if (ref.startsWith("MESSAGE-")) {
            messages.converted(me, messages.visible(me, Long.valueOf(ref.substring(8))), trackingNumber);
        } else if (ref.startsWith("CALL-")) {
            calls.converted(me, calls.visible(me, Long.valueOf(ref.substring(5))), trackingNumber);
        }
    }
}
