package cn.gongkai.request;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 行政复议 or 行政诉讼 about a request, with its result, counted in the annual report's table 四. */
@Entity
@Table(name = "request_challenge")
class Challenge {

    enum Kind {
        /** 行政复议 */
        REVIEW,
        /** 行政诉讼：未经复议直接起诉 */
        LAWSUIT_DIRECT,
        /** 行政诉讼：复议后起诉 */
        LAWSUIT_AFTER_REVIEW
    }

    enum Result {
        /** 结果维持 */
        MAINTAINED,
        /** 结果纠正 */
        CORRECTED,
        /** 其他结果 */
        OTHER,
        /** 尚未审结 */
        PENDING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long requestId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private LocalDate filedOn;
    @Enumerated(EnumType.STRING)
    private Result result;
    private String note;
    private String recordedBy;
    private Instant recordedAt;

    protected Challenge() {
    }

    Challenge(Long requestId, Kind kind, LocalDate filedOn, Result result, String note, String by, Instant at) {
        this.requestId = requestId;
        this.kind = kind;
        this.filedOn = filedOn;
        this.result = result;
        this.note = note;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    void decide(Result result, String note, Instant at) {
        this.result = result;
        this.note = note;
        this.recordedAt = at;
    }

    public Long getId() { return id; }
    public Long getRequestId() { return requestId; }
    public Kind getKind() { return kind; }
    public LocalDate getFiledOn() { return filedOn; }
    public Result getResult() { return result; }
    public String getNote() { return note; }
}
