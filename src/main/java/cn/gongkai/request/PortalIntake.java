package cn.gongkai.request;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A portal form received once: its one-time token is spent in the transaction that receives the request. */
@Service
class PortalIntake {

    private final RequestDesk desk;
    private final IntakeGuard guard;

    PortalIntake(RequestDesk desk, IntakeGuard guard) {
        this.desk = desk;
        this.guard = guard;
    }

    /**
     * Receives the request unless the form's token is already spent (then nothing happens and the answer is empty).
     * {@code keep} runs before the commit, so that a second submission of the same form, which waits for this
     * transaction on the spent token, finds the receipt already kept in the session.
     */
    @Transactional
    Optional<Receipt> receiveOnce(String formToken, Long agencyId, LocalDate today, IntakeForm form,
            FileRule.Upload identityScan, Consumer<Receipt> keep) {
        if (!guard.spend(formToken)) {
            return Optional.empty();
        }
        Receipt receipt = desk.receive(agencyId, RequestChannel.ONLINE, today, form.applicant(), form.sought(),
                identityScan, "applicant");
        keep.accept(receipt);
        return Optional.of(receipt);
    }
}
