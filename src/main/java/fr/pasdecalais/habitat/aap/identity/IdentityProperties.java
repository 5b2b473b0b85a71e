package fr.pasdecalais.habitat.aap.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aap.admin.*}: the production administrator, from the environment, and {@code aap.demo-data.*}.
 */
@ConfigurationProperties(prefix = "aap")
public record IdentityProperties(Admin admin, DemoData demoData) {

  public IdentityProperties {
    admin = admin == null ? new Admin(null, null) : admin;
    demoData = demoData == null ? new DemoData(false) : demoData;
  }

  public record Admin(String user, String password) {}

  public record DemoData(boolean enabled) {}
}
