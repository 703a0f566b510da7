package cn.gongkai.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 备案 (目录管理和备案制度 五、十): the office's periodic, frozen record of the catalog. */
@Entity
@Table(name = "filing")
public class Filing {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private LocalDate filedOn;
    private String createdBy;
    private Instant createdAt;
    private int entryCount;

    protected Filing() {
    }

    Filing(Long agencyId, LocalDate filedOn, String createdBy, Instant createdAt, int entryCount) {
        this.agencyId = agencyId;
        this.filedOn = filedOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.entryCount = entryCount;
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public int getEntryCount() {
        return entryCount;
    }
}
