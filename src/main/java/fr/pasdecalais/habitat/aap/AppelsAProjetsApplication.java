package fr.pasdecalais.habitat.aap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Appels à projets: grant calls of the Département's housing policy, run on Camunda 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AppelsAProjetsApplication {

  public static void main(String[] args) {
    SpringApplication.run(AppelsAProjetsApplication.class, args);
  }
}
