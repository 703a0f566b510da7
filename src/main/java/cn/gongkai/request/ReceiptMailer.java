package cn.gongkai.request;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the applicant the tracking number and query code by e-mail, after the request has committed. The query code
 * is never stored in clear, so it is not put in an event either: the mail goes out from here or not at all.
 */
@Component
class ReceiptMailer {

    private static final Logger log = LoggerFactory.getLogger(ReceiptMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String from;

    ReceiptMailer(ObjectProvider<JavaMailSender> mail, MessageSource messages,
            @Value("${gongkai.mail.from:gongkai@localhost}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.from = from;
    }

    void afterCommit(String email, Receipt receipt, String agencyName) {
        if (email == null || email.isBlank()) {
            return;
        }
        runAfterCommit(() -> send(email, receipt, agencyName));
    }

    /**
     * A notice to the applicant (the extension notice, the split notice), after the change has committed, with a PDF
     * when one is given. A mail outage does not undo the change: the notice is also downloadable with the query code.
     */
    void noticeAfterCommit(String email, String subject, String body, String attachmentName,
            java.util.function.Supplier<byte[]> attachment) {
        if (email == null || email.isBlank()) {
            return;
        }
        runAfterCommit(() -> {
            JavaMailSender sender = mail.getIfAvailable();
            if (sender == null) {
                return;
            }
            try {
                jakarta.mail.internet.MimeMessage message = sender.createMimeMessage();
                org.springframework.mail.javamail.MimeMessageHelper helper =
                        new org.springframework.mail.javamail.MimeMessageHelper(message, attachment != null, "UTF-8");
                helper.setFrom(from);
                helper.setTo(email);
                helper.setSubject(subject);
                helper.setText(body);
                if (attachment != null) {
                    helper.addAttachment(attachmentName,
                            new org.springframework.core.io.ByteArrayResource(attachment.get()), "application/pdf");
                }
                sender.send(message);
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                log.warn("Notice e-mail '{}' failed: {}", subject, e.getMessage());
            }
        });
    }

    private static void runAfterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private void send(String email, Receipt receipt, String agencyName) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(email);
        message.setSubject(messages.getMessage("request.mail.subject", new Object[] {receipt.trackingNumber()},
                Locale.SIMPLIFIED_CHINESE));
        message.setText(messages.getMessage("request.mail.body", new Object[] {agencyName, receipt.trackingNumber(),
            receipt.queryCode(), receipt.receivedOn().toString(), receipt.dueOn().toString()},
                Locale.SIMPLIFIED_CHINESE));
        try {
            sender.send(message);
        } catch (MailException e) {
            // The receipt page already showed the numbers; a mail outage must not undo the request.
            log.warn("Receipt e-mail for {} failed: {}", receipt.trackingNumber(), e.getMessage());
        }
    }
}
