package cn.gongkai.document;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.catalog.Publication;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.ArchiveLimits;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attachments: accepted by content type, text extracted, scanned with the item, handed to the catalog. */
@Service
@Transactional
class ItemAttachments {

    private final Attachments attachments;
    private final InfoItemWorkflow workflow;
    private final ItemScanner scanner;
    private final AuditTrail audit;
    private final Clock clock;
    private final FileInspector inspector = new FileInspector();

    ItemAttachments(Attachments attachments, InfoItemWorkflow workflow, ItemScanner scanner, AuditTrail audit,
            Clock clock) {
        this.attachments = attachments;
        this.workflow = workflow;
        this.scanner = scanner;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Attachment> of(Long itemId) {
        return attachments.findByItemIdOrderById(itemId);
    }

    Attachment add(StaffPrincipal me, Long itemId, String filename, byte[] data) {
        return add(me, itemId, filename, data, "file");
    }

    /** {@code field}: the form or request part the file came in, named when it is refused. */
    Attachment add(StaffPrincipal me, Long itemId, String filename, byte[] data, String field) {
        InfoItem item = drafterSide(me, itemId, field);
        String type = check(filename, data, field);
        String name = filename == null || filename.isBlank() ? "附件" : filename.replaceAll("[\\\\/:*?\"<>|]", "_");
        Attachment a = attachments.save(new Attachment(itemId, name, type, data, sha256(data),
                inspector.extractText(data, type), Instant.now(clock)));
        audit.record(AuditRecord.of(me.agencyId(), "ATTACHMENT_ADDED", "INFO_ITEM", itemId, name + " " + type));
        return a;
    }

    /**
     * The item whose files {@code me} may change: a draft or a returned item, and only from the drafter's side (the
     * drafter, or staff and the head of the drafting department). Reviewers return the item instead of changing
     * what they review (保密审查制度 七: the drafting department answers for what it submits).
     */
    private InfoItem drafterSide(StaffPrincipal me, Long itemId, String field) {
        InfoItem item = workflow.get(me, itemId);
        if (item.getStatus() != ItemStatus.DRAFT && item.getStatus() != ItemStatus.RETURNED) {
            throw new DocumentRuleViolation("document.error.notEditable", field);
        }
        if (!workflow.isDrafterSide(me, item)) {
            throw new DocumentRuleViolation("document.error.notDrafter", field);
        }
        return item;
    }

    /** The file's content type; refused naming {@code field} when empty, too large, a zip bomb or of another kind. */
    String check(String filename, byte[] data, String field) {
        if (data.length == 0) {
            throw new DocumentRuleViolation("document.attachment.error.empty", field);
        }
        if (data.length > FileInspector.MAX_BYTES) {
            throw new DocumentRuleViolation("document.attachment.error.tooLarge", field);
        }
        try {
            ArchiveLimits.requireNoZipBomb(data);
        } catch (ArchiveLimits.ZipBomb e) {
            throw new DocumentRuleViolation("document.attachment.error.bomb", field);
        }
        String type = inspector.detect(data, filename);
        if (type == null) {
            throw new DocumentRuleViolation("document.attachment.error.type", field);
        }
        return type;
    }

    void remove(StaffPrincipal me, Long itemId, Long attachmentId) {
        drafterSide(me, itemId, null);
        Attachment a = attachments.findByIdAndItemId(attachmentId, itemId)
                .orElseThrow(InfoItemWorkflow.ItemNotFound::new);
        attachments.delete(a);
        audit.record(AuditRecord.of(me.agencyId(), "ATTACHMENT_REMOVED", "INFO_ITEM", itemId, a.getFilename()));
    }

    @Transactional(readOnly = true)
    Attachment download(StaffPrincipal me, Long itemId, Long attachmentId) {
        workflow.get(me, itemId);
        Attachment a = attachments.findByIdAndItemId(attachmentId, itemId)
                .orElseThrow(InfoItemWorkflow.ItemNotFound::new);
        a.getData();
        return a;
    }

    /** The scan over the item's title, summary, body and every attachment's text. */
    @Transactional(readOnly = true)
    List<ScanFinding> scan(InfoItem item) {
        return scanner.scan(item, of(item.getId()));
    }

    /**
     * What the public may download. An attachment touched by a redaction is replaced by a redacted text copy; its
     * original never leaves the workbench (保密审查制度 十三).
     */
    @Transactional(readOnly = true)
    List<Publication.PublishedFile> forPublication(InfoItem item) {
        List<ScanFinding> itemFindings = workflow.findings(item);
        List<String> phrases = workflow.redactionPhrases(item);
        List<Publication.PublishedFile> files = new ArrayList<>();
        for (Attachment a : of(item.getId())) {
            if (Redactor.touches(a.getText(), a.getFilename(), itemFindings, phrases)) {
                String text = Redactor.redact(a.getText(), a.getFilename(), itemFindings, phrases);
                files.add(new Publication.PublishedFile(a.getId(), a.getFilename() + "（区分处理）.txt",
                        "text/plain;charset=UTF-8", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), text));
            } else {
                files.add(new Publication.PublishedFile(a.getId(), a.getFilename(), a.getContentType(), a.getData(),
                        a.getText()));
            }
        }
        return files;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
