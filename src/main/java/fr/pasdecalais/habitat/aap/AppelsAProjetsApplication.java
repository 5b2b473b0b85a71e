package fr.pasdecalais.habitat.aap;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Appels à projets: grant calls of the Département's housing policy, run on Camunda 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AppelsAProjetsApplication {

  /** The Département's time zone: windows, deadlines and timers are Paris times. */
  public static final String TIME_ZONE = "Europe/Paris";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
    SpringApplication.run(AppelsAProjetsApplication.class, args);
  }
}
