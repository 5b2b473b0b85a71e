package fr.pasdecalais.habitat.aap.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} (springdoc: JSON at {@code /v3/api-docs}, UI at
 * {@code /api/docs}, both public: they describe, they give no data). Each controller describes its
 * operations in French ({@code @Tag}, {@code @Operation}, {@code @Parameter}, {@code @ApiResponse});
 * here: the title, HTTP basic, the French problem type (RFC 7807) every refusal answers, and the
 * refusals every operation may meet (401, 403, and 400 for one that takes parameters or a body).
 * {@code web.OpenApiDescriptionTest} fails when an {@code /api} operation is left undescribed.
 */
@Configuration
public class OpenApiConfig {

  static final String PROBLEM = "Probleme";
  static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

  /** springdoc's default descriptions of a response, replaced by French ones. */
  private static final Map<String, String> FRENCH_DEFAULTS = Map.of(
      "OK", "Succès",
      "Created", "Créé",
      "No Content", "Succès, sans contenu",
      "default response", "Succès");

  @Bean
  OpenAPI productApi() {
    return new OpenAPI()
        .info(new Info().title("API Appels à projets").version("1")
            .description("L'API des appels à projets et appels à manifestation d'intérêt du Département du Pas-de-Calais : "
                + "appels, dossiers, pièces, organisations, conventions, paiements, encaissements, territoires, statistiques. "
                + "Authentification HTTP basic avec les comptes de Tasklist (les comptes partenaires : porteurs). "
                + "Chaque refus est un problème RFC 7807 (`application/problem+json`) en français, qui liste les champs fautifs ; "
                + "une requête refusée ne change rien.")
            .contact(new Contact().name("Département du Pas-de-Calais — Service du logement")))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Identifiant et mot de passe du compte (le même que pour Tasklist)."))
            .addSchemas(PROBLEM, problemSchema()))
        .servers(List.of(new Server().url("/").description("Ce serveur")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  private static Schema<?> problemSchema() {
    ObjectSchema fieldProblem = new ObjectSchema();
    fieldProblem.description("Un champ fautif et ce qu'il faut corriger")
        .addProperty("field", new StringSchema().description("Le champ (chemin dans le corps, ou nom du paramètre)"))
        .addProperty("message", new StringSchema().description("Ce qui ne va pas, en français"));
    ObjectSchema problem = new ObjectSchema();
    problem.description("Problème (RFC 7807) : la raison d'un refus ou d'une erreur, en français")
        .addProperty("type", new StringSchema().description("URI du type de problème (about:blank par défaut)"))
        .addProperty("title", new StringSchema().description("Intitulé court, ex. « Accès refusé »"))
        .addProperty("status", new IntegerSchema().description("Statut HTTP"))
        .addProperty("detail", new StringSchema().description("Explication en français"))
        .addProperty("instance", new StringSchema().description("Le chemin de la requête"))
        .addProperty("errors", new ArraySchema().items(fieldProblem).description("Les champs fautifs (400)"));
    return problem;
  }

  @Bean
  OpenApiCustomizer frenchRefusals() {
    return api -> {
      // here too: springdoc drops the components no operation referenced before the customizers ran
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> frenchRefusals(operation)));
    };
  }

  private static void frenchRefusals(Operation operation) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    responses.forEach((code, response) -> {
      String french = FRENCH_DEFAULTS.get(response.getDescription());
      if (french != null) {
        response.setDescription(french);
      }
      if (code.startsWith("4") || code.startsWith("5")) {
        response.setContent(problemContent());
      }
    });
    if (takesInput(operation)) {
      responses.putIfAbsent("400", problem("Requête invalide : paramètre ou corps à corriger (champs fautifs listés)"));
    }
    responses.putIfAbsent("401", problem("Authentification requise (HTTP basic), ou identifiants refusés"));
    responses.putIfAbsent("403", problem("Accès refusé : le rôle du compte ne permet pas cette opération"));
  }

  private static boolean takesInput(Operation operation) {
    return operation.getRequestBody() != null
        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(problemContent());
  }

  private static Content problemContent() {
    return new Content().addMediaType(PROBLEM_MEDIA_TYPE,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }
}
