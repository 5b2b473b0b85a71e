package fr.pasdecalais.habitat.aap.config;

import fr.pasdecalais.habitat.aap.identity.ProblemResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before the application sees them still get a French problem: paths the Spring
 * Security firewall rejects ({@code ;}, {@code ..}, {@code //}, encoded slashes…) and requests Tomcat
 * itself refuses (undecodable or too long paths), which it answered with an English HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

  @Bean
  RequestRejectedHandler frenchRequestRejected() {
    return (request, response, e) -> ProblemResponse.write(response, HttpStatus.BAD_REQUEST, "Adresse refusée",
        "L'adresse demandée contient une séquence interdite (point-virgule, « .. », double barre oblique, "
            + "barre oblique ou caractère nul encodés…).");
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> frenchContainerErrors() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
    });
  }

  /** Tomcat's own error report (before any servlet), as a French problem. */
  public static class ProblemReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int code = response.getStatus();
      if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = code >= 500 ? "Erreur interne" : "Requête refusée";
        String detail = code >= 500 ? "Une erreur inattendue est survenue ; elle a été journalisée."
            : "L'adresse ou l'en-tête de la requête est mal formé ou trop long (encodage invalide, caractère interdit).";
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
              + ",\"detail\":\"" + detail + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the connection is gone: nothing more to say
      }
    }
  }
}
