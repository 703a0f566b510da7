package cn.gongkai.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * When every database connection is busy (a burst of submissions, a slow report) the caller is told to try again in a
 * moment: 503 with {@code Retry-After}, a Chinese message, and nothing half-done (the transaction never began). It is
 * not a fault of the platform's, so it is never a 500.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BusyAnswers {

    static final String RETRY_AFTER_SECONDS = "5";

    private final MessageSource messages;

    BusyAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            QueryTimeoutException.class})
    Object busy(HttpServletRequest request, HttpServletResponse response) {
        String text = messages.getMessage("error.busy", null, LocaleContextHolder.getLocale());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", 503, "message", text));
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        ModelAndView page = new ModelAndView("error");
        page.setStatus(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("status", 503);
        return page;
    }
}
