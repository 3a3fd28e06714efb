package io.revops.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the JWT signing key: both PEM layouts openssl writes, and clear refusals for the rest. */
class PrivateKeyFileTest {
  @TempDir
  Path dir;

  Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsPkcs8AndPkcs1PemToTheSameKey() throws Exception {
    KeyPair keys = TestKeys.shared();
    RSAPrivateKey pkcs8 = JwtBearerFlow.readPrivateKey(write("pkcs8.key", TestKeys.pkcs8Pem(keys)));
    RSAPrivateKey pkcs1 = JwtBearerFlow.readPrivateKey(write("pkcs1.key", TestKeys.pkcs1Pem(keys)));

    assertThat(pkcs8.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    assertThat(pkcs1.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
  }

  @Test
  void findsTheKeyNextToACertificateAndCrlfLineEnds() throws Exception {
    KeyPair keys = TestKeys.shared();
    String bundle = TestKeys.pem("CERTIFICATE", new byte[] {1, 2, 3}) + TestKeys.pkcs8Pem(keys).replace("\n", "\r\n");
    assertThat(JwtBearerFlow.readPrivateKey(write("bundle.pem", bundle)).getEncoded())
        .isEqualTo(keys.getPrivate().getEncoded());
  }

  @Test
  void refusesWhatCannotSignRs256AndNeverShowsKeyMaterial() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    String ecPkcs8 = TestKeys.pem(TestKeys.LABEL, ec.generateKeyPair().getPrivate().getEncoded());
    String body = TestKeys.pkcs8Pem(TestKeys.shared()).split("\n")[1];

    assertThatThrownBy(() -> JwtBearerFlow.readPrivateKey(write("ec.key", ecPkcs8)))
        .hasMessageContaining("RSA").hasMessageNotContaining(ecPkcs8.split("\n")[1]);
    assertThatThrownBy(() -> JwtBearerFlow.readPrivateKey(write("enc.key", TestKeys.pem("ENCRYPTED " + TestKeys.LABEL,
        new byte[] {1, 2, 3})))).hasMessageContaining("passphrase-protected");
    assertThatThrownBy(() -> JwtBearerFlow.readPrivateKey(write("cert.pem", TestKeys.pem("CERTIFICATE", new byte[] {1}))))
        .hasMessageContaining("not the certificate");
    assertThatThrownBy(() -> JwtBearerFlow.readPrivateKey(write("ssh.key", TestKeys.pem("OPENSSH " + TestKeys.LABEL,
        new byte[] {1})))).hasMessageContaining("OPENSSH key").hasMessageContaining("openssl req");
    assertThatThrownBy(() -> JwtBearerFlow.readPrivateKey(write("bad.key",
        TestKeys.pem(TestKeys.LABEL, new byte[] {1, 2, 3}).replace("AQID", "AQ*D"))))
        .hasMessageNotContaining(body);
    assertThatThrownBy(() -> JwtBearerFlow.readPrivateKey(dir.resolve("missing.key")))
        .hasMessageContaining("does not exist");
  }
}
