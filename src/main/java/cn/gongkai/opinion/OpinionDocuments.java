package cn.gongkai.opinion;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.ReportDocument;
import cn.gongkai.platform.ReportDocument.Block;
import cn.gongkai.platform.ReportDocument.Cell;
import cn.gongkai.platform.ReportDocument.Heading;
import cn.gongkai.platform.ReportDocument.Paragraph;
import cn.gongkai.platform.ReportDocument.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 舆情 三.二 "通过网络舆情日志、舆情专报等，及时发现、及时预警、及时反馈": the daily log of the events found or worked on
 * one day, and the special report on one event for the leaders, as documents the platform renders to DOCX. Each
 * export is audited.
 */
@Component
class OpinionDocuments {

    private final OpinionDesk desk;
    private final OpinionEvents events;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final MessageSource messages;

    OpinionDocuments(OpinionDesk desk, OpinionEvents events, OrgDirectory org, AuditTrail audit,
            MessageSource messages) {
        this.desk = desk;
        this.events = events;
        this.org = org;
        this.audit = audit;
        this.messages = messages;
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Transactional
    ReportDocument specialReport(StaffPrincipal me, OpinionEvent e) {
        Instant now = desk.now();
        cn.gongkai.org.StaffNames names = org.names(me.agencyId());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(m("opinion.doc.facts")));
        blocks.add(table(List.of(
                row(m("opinion.field.source"), m("opinion.source." + e.getSource())),
                row(m("opinion.field.level"), m("opinion.level." + e.getLevel())),
                row(m("opinion.field.foundAt"), OpinionDesk.minute(e.getFoundAt())),
                row(m("opinion.field.url"), e.getUrl() == null ? "" : e.getUrl()),
                row(m("opinion.field.department"), desk.departmentName(e, e.getDepartmentId())),
                row(m("opinion.field.status"), m("opinion.status." + e.getStatus())))));
        blocks.add(new Heading(m("opinion.field.content")));
        blocks.add(new Paragraph(e.getContent()));
        if (e.getAnalysis() != null) {
            blocks.add(new Heading(m("opinion.field.analysis")));
            blocks.add(new Paragraph(e.getAnalysis()));
            blocks.add(new Heading(m("opinion.field.plan")));
            blocks.add(new Paragraph(e.getPlan()));
        }
        blocks.add(new Heading(m("opinion.deadlines.title")));
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.header(m("opinion.deadline.kind"), 1, 1), Cell.header(m("opinion.deadline.dueAt"), 1, 1),
                Cell.header(m("opinion.deadline.doneAt"), 1, 1), Cell.header(m("opinion.deadline.state"), 1, 1)));
        for (OpinionDeadline d : desk.deadlines(e.getId())) {
            rows.add(List.of(text(m("opinion.deadline." + d.getKind())), text(OpinionDesk.minute(d.getDueAt())),
                    text(OpinionDesk.minute(d.getDoneAt())), text(state(d, now))));
        }
        blocks.add(new Table(null, List.of(2f, 2f, 2f, 1f), rows));
        if (e.getReportText() != null) {
            blocks.add(new Heading(m("opinion.report.title")));
            blocks.add(new Paragraph(OpinionDesk.minute(e.getReportedAt()) + " " + names.of(e.getReportedBy()) + "："
                    + e.getReportText()));
        }
        List<OpinionResponse> responses = desk.responses(e.getId());
        if (!responses.isEmpty()) {
            blocks.add(new Heading(m("opinion.responses.title")));
            for (OpinionResponse r : responses) {
                blocks.add(new Paragraph(OpinionDesk.minute(r.getRespondedAt()) + " "
                        + m("opinion.kind." + r.getKind()) + (r.getItemTitle() == null ? "" : " 《" + r.getItemTitle()
                        + "》") + "：" + r.getText()));
            }
        }
        if (e.getSummary() != null) {
            blocks.add(new Heading(m("opinion.field.summary")));
            blocks.add(new Paragraph(e.getSummary()));
        }
        blocks.add(new Heading(m("opinion.timeline.title")));
        for (OpinionStep s : desk.timeline(e.getId())) {
            blocks.add(new Paragraph(OpinionDesk.minute(s.getAt()) + " " + names.of(s.getActor()) + " "
                    + m("opinion.step." + s.getKind()) + (s.getText() == null ? "" : "：" + s.getText())));
        }
        audit.record(AuditRecord.of(me.agencyId(), "OPINION_EXPORTED", OpinionDesk.SUBJECT, e.getId(),
                "舆情专报"));
        return new ReportDocument(m("opinion.doc.specialReport"), agency(me) + " · " + OpinionDesk.brief(e), blocks);
    }

    @Transactional
    ReportDocument dailyLog(StaffPrincipal me, LocalDate day) {
        Instant from = day.atStartOfDay(OpinionDesk.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(OpinionDesk.ZONE).toInstant();
        Instant now = desk.now();
        List<OpinionEvent> active = events.activeBetween(me.agencyId(), from, to).stream()
                .filter(e -> OpinionDesk.mayView(me, e)).toList();
        List<Block> blocks = new ArrayList<>();
        long found = active.stream().filter(e -> !e.getFoundAt().isBefore(from) && e.getFoundAt().isBefore(to))
                .count();
        blocks.add(new Paragraph(m("opinion.doc.logSummary", day.toString(), found, active.size())));
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.header(m("opinion.field.foundAt"), 1, 1), Cell.header(m("opinion.field.source"), 1, 1),
                Cell.header(m("opinion.field.level"), 1, 1), Cell.header(m("opinion.field.content"), 1, 1),
                Cell.header(m("opinion.field.status"), 1, 1), Cell.header(m("opinion.doc.stepsThatDay"), 1, 1)));
        for (OpinionEvent e : active) {
            List<String> steps = new ArrayList<>();
            for (OpinionStep s : desk.timeline(e.getId())) {
                if (!s.getAt().isBefore(from) && s.getAt().isBefore(to)) {
                    steps.add(OpinionDesk.MINUTE.format(s.getAt().atZone(OpinionDesk.ZONE)).substring(11) + " "
                            + m("opinion.step." + s.getKind()));
                }
            }
            boolean late = e.getStatus() != OpinionEvent.Status.CLOSED && desk.deadlines(e.getId()).stream()
                    .anyMatch(d -> d.getDoneAt() == null && d.late(now));
            rows.add(List.of(text(OpinionDesk.minute(e.getFoundAt())), text(m("opinion.source." + e.getSource())),
                    text(m("opinion.level." + e.getLevel())), text(OpinionDesk.brief(e)),
                    text(m("opinion.status." + e.getStatus()) + (late ? " · " + m("opinion.late") : "")),
                    text(String.join("；", steps))));
        }
        blocks.add(new Table(null, List.of(2f, 1.2f, 1f, 4f, 1.2f, 3f), rows));
        audit.record(AuditRecord.of(me.agencyId(), "OPINION_EXPORTED", OpinionDesk.SUBJECT, "log-" + day,
                "舆情日志 " + day));
        return new ReportDocument(m("opinion.doc.dailyLog"), agency(me) + " · " + day, blocks);
    }

    private String state(OpinionDeadline d, Instant now) {
        if (d.getDoneAt() != null) {
            return d.onTime() ? m("opinion.deadline.onTime") : m("opinion.deadline.lateDone");
        }
        return d.late(now) ? m("opinion.late") : m("opinion.deadline.open");
    }

    private String agency(StaffPrincipal me) {
        return org.agency(me.agencyId()).map(a -> a.getName()).orElse("");
    }

    private static Table table(List<List<Cell>> rows) {
        return new Table(null, List.of(1f, 3f), rows);
    }

    private static List<Cell> row(String label, String value) {
        return List.of(Cell.label(label, 1, 1), text(value));
    }

    private static Cell text(String value) {
        return new Cell(value == null ? "" : value, 1, 1, false, false, null);
    }
}
