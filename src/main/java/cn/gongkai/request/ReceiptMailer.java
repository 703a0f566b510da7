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
        Runnable send = () -> send(email, receipt, agencyName);
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
