package org.vigil.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends account mail (password reset, email verification) through Spring's mail support over SMTP
 * ({@code spring.mail.host} etc.). Without a configured server nothing is sent and a warning says
 * so; the token itself is never logged.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String publicUrl;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${vigil.mail.from}") String from,
            @Value("${vigil.public-url}") String publicUrl) {
        this.sender = sender;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A link into Vigil (the public URL plus a path). */
    String url(String path) {
        return publicUrl + path;
    }

    /** A link into the web UI carrying a one-time token. */
    String link(String path, String token) {
        return publicUrl + path + "?token=" + token;
    }

    /** Sends; returns false (and logs why, without the message) when mail is not configured or fails. */
    boolean send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.warn("Mail is not configured (spring.mail.host): '{}' was not sent", subject);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Sending '{}' failed: {}", subject, e.getClass().getSimpleName());
            return false;
        }
    }
}
