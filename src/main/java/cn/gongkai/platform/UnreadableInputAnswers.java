package cn.gongkai.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page asked for with a parameter it cannot read ({@code year=abc}, {@code page=abc}, a misspelt sort order): 400 and
 * a page that names the field in Chinese, never "服务暂时出错". The JSON API keeps its own answers, untouched.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnreadableInputAnswers {

    /** How much of what was typed the page repeats. */
    static final int SHOWN_CHARACTERS = 40;

    private final MessageSource messages;

    UnreadableInputAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView notUnderstood(MethodArgumentTypeMismatchException e, HttpServletRequest request)
            throws MethodArgumentTypeMismatchException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            // Rethrown as it came: Spring's default 400 answers it, as before.
            throw e;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String field = messages.getMessage("error.badInput.field." + e.getName(), null, e.getName(), locale);
        String typed = e.getValue() == null ? "" : e.getValue().toString();
        if (typed.codePointCount(0, typed.length()) > SHOWN_CHARACTERS) {
            typed = typed.substring(0, typed.offsetByCodePoints(0, SHOWN_CHARACTERS)) + "…";
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("detail", messages.getMessage("error.badInput.detail", new Object[] {field, typed}, locale));
        return page;
    }
}
