package cn.gongkai.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text as a person types it: no NUL and no other C0/C1 control characters (tabs and line breaks are kept only where
 * {@link #multiline()} says so). Refused rather than stripped, so that what is stored is what the applicant sent;
 * PostgreSQL could not store a NUL anyway, and the feed and letters must stay valid XML.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
@interface PlainText {

    String message() default "{request.form.controlCharacters}";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
                if (control && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                    return false;
                }
                if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(++i)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
