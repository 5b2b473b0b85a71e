package fr.pasdecalais.habitat.aap.application;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A SIRET number: 14 digits whose Luhn key is right. {@code null} is valid (combine with {@code @NotBlank}). */
@Documented
@Constraint(validatedBy = SiretValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Siret {
  String message() default "Le SIRET doit comporter 14 chiffres et sa clé de contrôle (Luhn) doit être juste.";
  Class<?>[] groups() default {};
  Class<? extends Payload>[] payload() default {};
}
