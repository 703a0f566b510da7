package cn.gongkai.request;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * 征求意见: a third party (Regulations Art. 32: answer within 15 working days) or another agency (政府信息发布协调制度 三:
 * answer within 10 working days) is asked for its view. The time it runs is not counted in the reply period (Art. 33),
 * up to its own due date: a party that stays silent does not stop the clock for ever (Art. 32, 34: the agency decides).
 * Part of the {@link InfoRequest} aggregate.
 */
@Entity
@Table(name = "request_consultation")
class Consultation {

    /** Who is consulted, and how many working days they have to answer. */
    enum Kind {
        THIRD_PARTY(15), OTHER_AGENCY(10);

        private final int answerDays;

        Kind(int answerDays) {
            this.answerDays = answerDays;
        }

        int answerDays() {
            return answerDays;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long requestId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String party;
    private LocalDate startedOn;
    private LocalDate dueOn;
    private LocalDate answeredOn;
    private String answer;
    private String startedBy;
    private String closedBy;

    protected Consultation() {
    }

    Consultation(Long requestId, Kind kind, String party, LocalDate startedOn, LocalDate dueOn, String startedBy) {
        this.requestId = requestId;
        this.kind = kind;
        this.party = party;
        this.startedOn = startedOn;
        this.dueOn = dueOn;
        this.startedBy = startedBy;
    }

    void close(String answer, LocalDate answeredOn, String by) {
        this.answer = answer;
        this.answeredOn = answeredOn;
        this.closedBy = by;
    }

    boolean isOpen() {
        return answeredOn == null;
    }

    /** The span not counted in the reply period: from its start to its answer, at most to its own due date. */
    ReplyClock.Pause pause() {
        return new ReplyClock.Pause(startedOn, answeredOn, dueOn);
    }

    String workKind() {
        return "CONSULTATION-" + id;
    }

    public Long getId() { return id; }
    Long getRequestId() { return requestId; }
    public Kind getKind() { return kind; }
    public String getParty() { return party; }
    public LocalDate getStartedOn() { return startedOn; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDate getAnsweredOn() { return answeredOn; }
    public String getAnswer() { return answer; }
    public String getStartedBy() { return startedBy; }
    public String getClosedBy() { return closedBy; }
}
