package cn.gongkai.catalog;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendar;
import cn.gongkai.calendar.WorkCalendarStore;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog's records: filings (备案) and the ledger (台账) of what was published. */
@Service
public class Records {

    static final List<String> FILING_HEADER = List.of("索引号", "名称", "内容概述", "生成日期", "文号", "科室", "主题分类", "体裁",
            "公开属性", "目录状态", "有效性", "发布日期");
    static final List<String> LEDGER_HEADER = List.of("索引号", "名称", "科室", "拟稿人", "审核人及意见", "公开属性", "公开方式",
            "生成日期", "发布日期", "生成至发布（工作日）");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CatalogEntries entries;
    private final Filings filings;
    private final FilingRows rows;
    private final WorkCalendarStore calendar;
    private final AuditTrail audit;
    private final Clock clock;

    Records(CatalogEntries entries, Filings filings, FilingRows rows, WorkCalendarStore calendar, AuditTrail audit,
            Clock clock) {
        this.entries = entries;
        this.filings = filings;
        this.rows = rows;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Freezes the agency's whole catalog (public and filed entries) as it stands now. */
    @Transactional
    public Filing file(Long agencyId, String by) {
        List<CatalogEntry> all = entries.findAll(
                (root, q, cb) -> cb.equal(root.get("agencyId"), agencyId));
        Filing filing = filings.save(new Filing(agencyId, LocalDate.now(clock.withZone(ZONE)), by, Instant.now(clock),
                all.size()));
        all.stream().sorted(java.util.Comparator.comparing(CatalogEntry::getIndexNumber))
                .forEach(e -> rows.save(new FilingRow(filing.getId(), e)));
        audit.record(AuditRecord.of(agencyId, "CATALOG_FILED_SNAPSHOT", "FILING", filing.getId(),
                all.size() + " entries"));
        return filing;
    }

    @Transactional(readOnly = true)
    public List<Filing> filings(Long agencyId) {
        return filings.findByAgencyIdOrderByIdDesc(agencyId);
    }

    @Transactional(readOnly = true)
    byte[] filingXlsx(Long agencyId, Long filingId) {
        Filing filing = filings.findByIdAndAgencyId(filingId, agencyId)
                .orElseThrow(() -> new CatalogRuleViolation("catalog.error.notFound"));
        return Spreadsheets.xlsx("备案" + filing.getFiledOn(), FILING_HEADER,
                rows.findByFilingIdOrderById(filingId).stream().map(FilingRow::cells).toList());
    }

    /** 台账: what was published in a period (optionally one department), with who drafted and reviewed it. */
    @Transactional(readOnly = true)
    byte[] ledgerXlsx(Long agencyId, LocalDate from, LocalDate to, Long departmentId) {
        Specification<CatalogEntry> spec = (root, q, cb) -> {
            List<Predicate> p = new ArrayList<>();
            p.add(cb.equal(root.get("agencyId"), agencyId));
            p.add(cb.greaterThanOrEqualTo(root.get("publishedAt"), from.atStartOfDay(ZONE).toInstant()));
            p.add(cb.lessThan(root.get("publishedAt"), to.plusDays(1).atStartOfDay(ZONE).toInstant()));
            if (departmentId != null) {
                p.add(cb.equal(root.get("departmentId"), departmentId));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        WorkCalendar cal = calendar.current();
        List<String[]> data = entries.findAll(spec).stream()
                .sorted(java.util.Comparator.comparing(CatalogEntry::getDepartmentName)
                        .thenComparing(CatalogEntry::getPublishedAt))
                .map(e -> {
                    LocalDate published = e.getPublishedAt().atZone(ZONE).toLocalDate();
                    return new String[] {e.getIndexNumber(), e.getTitle(), e.getDepartmentName(), e.getDrafterName(),
                        e.getReviewers(), e.getAttribute().name(), e.getChannels(), e.getCreatedOn().toString(),
                        published.toString(), String.valueOf(cal.workingDaysBetween(e.getCreatedOn(), published))};
                }).toList();
        return Spreadsheets.xlsx("台账", LEDGER_HEADER, data);
    }
}
