// assistctl over TLS and mutual TLS to a host that serves only TLS.
#include "cli_host_test.hpp"
#include "test_pki.hpp"

namespace assist::cli_test {
namespace {

using testing::HasSubstr;

class Tls : public CliHostTest {
 protected:
  it::SecuritySetup Security() override {
    EXPECT_EQ(it::MakeTestPki(dir(), &pki_), "");
    it::SecuritySetup security;
    security.tls = it::TlsSetup{pki_.server.cert, pki_.server.key, pki_.ca_cert, false};
    security.client_certificates.push_back({std::string(it::kAppCommonName),
                                            "case-files",
                                            std::string(it::kSopot),
                                            "ROLE_APP",
                                            {"ListCases"}});
    return security;
  }
  it::TestPki pki_;
};

TEST_P(Tls, TrustsTheCaItIsGivenAndPresentsAClientCertificate) {
  const std::string ca = pki_.ca_cert.string();
  const CliResult health = Ctl(it::Operator(), {"health", "--ca-file", ca});
  ASSERT_EQ(health.exit_code, 0) << Describe({"health", "--ca-file", ca}, health);
  EXPECT_EQ(health.out, "SERVING\n");

  const CliResult token = Ctl(it::Operator(), {"centres", "list"}, {{"ASSIST_CA_FILE", ca}});
  ASSERT_EQ(token.exit_code, 0) << token.err;
  EXPECT_THAT(token.out, HasSubstr("mops-sopot"));

  // The app is known by its certificate alone: no token.
  const std::vector<std::string> mtls{"cases",       "list",
                                      "--ca-file",   ca,
                                      "--cert-file", pki_.app.cert.string(),
                                      "--key-file",  pki_.app.key.string()};
  const CliResult app = CtlBare(mtls, {{"ASSIST_ADDRESS", address()}});
  EXPECT_EQ(app.exit_code, 0) << Describe(mtls, app);
  const CliResult scoped = CtlBare({"centres", "create", "x", "--ca-file", ca, "--cert-file",
                                    pki_.app.cert.string(), "--key-file", pki_.app.key.string()},
                                   {{"ASSIST_ADDRESS", address()}});
  EXPECT_EQ(scoped.exit_code, 3) << scoped.err;

  const CliResult plaintext = Ctl(it::Operator(), {"health", "--timeout", "5"});
  EXPECT_EQ(plaintext.exit_code, 6) << plaintext.err;
  const CliResult untrusted = Ctl(it::Operator(), {"health", "--tls", "--timeout", "5"});
  EXPECT_EQ(untrusted.exit_code, 6) << untrusted.err;
  const CliResult wrong_name = Ctl(it::Operator(), {"health", "--ca-file", ca, "--server-name",
                                                    "elsewhere.test", "--timeout", "5"});
  EXPECT_EQ(wrong_name.exit_code, 6) << wrong_name.err;
}

INSTANTIATE_SQLITE_ONLY(Tls);

}  // namespace
}  // namespace assist::cli_test
