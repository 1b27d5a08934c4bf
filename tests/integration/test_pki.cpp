#include "test_pki.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include "subprocess.hpp"

namespace assist::it {
namespace {

namespace fs = std::filesystem;

class Openssl {
 public:
  explicit Openssl(fs::path dir) : dir_(std::move(dir)) {}

  // Runs `openssl args...`; false (and error() set) if it fails.
  bool operator()(std::vector<std::string> args) {
    if (!error_.empty()) return false;
    args.insert(args.begin(), ASSIST_OPENSSL_BINARY);
    const RunResult result = Run(args);
    if (result.exit_code == 0) return true;
    for (const std::string& arg : args) error_ += arg + " ";
    error_ += "failed (" + std::to_string(result.exit_code) + "):\n" + result.output;
    return false;
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // A self-signed CA.
  bool Ca(const std::string& name, const std::string& subject) {
    return (*this)({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", subject,
                    "-keyout", Path(name + ".key"), "-out", Path(name + ".crt")});
  }

  // A key and a certificate for `subject` signed by the CA `ca`, with the v3 extensions in `ext`.
  bool Signed(const std::string& name, const std::string& subject, const std::string& ca,
              const std::string& ext) {
    std::ofstream(Path(name + ".ext")) << ext << "\n";
    return (*this)({"req", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout",
                    Path(name + ".key"), "-out", Path(name + ".csr")}) &&
           (*this)({"x509", "-req", "-in", Path(name + ".csr"), "-CA", Path(ca + ".crt"), "-CAkey",
                    Path(ca + ".key"), "-CAcreateserial", "-days", "2", "-extfile",
                    Path(name + ".ext"), "-out", Path(name + ".crt")});
  }

  bool RsaPair(const std::string& name) {
    return (*this)({"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                    Path(name + ".key")}) &&
           (*this)({"pkey", "-in", Path(name + ".key"), "-pubout", "-out", Path(name + ".pub")});
  }

  const std::string& error() const { return error_; }

 private:
  fs::path dir_;
  std::string error_;
};

}  // namespace

std::string MakeTestPki(const fs::path& dir, TestPki* pki) {
  Openssl openssl(dir);
  const std::string client_ext = "extendedKeyUsage=clientAuth";
  const std::string app_subject = "/CN=" + std::string(kAppCommonName);
  openssl.Ca("ca", "/CN=assist integration test CA");
  openssl.Signed("server", "/CN=localhost", "ca",
                 "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth");
  openssl.Signed("app", app_subject, "ca", client_ext);
  openssl.Ca("rogue-ca", "/CN=some other CA");
  openssl.Signed("rogue-app", app_subject, "rogue-ca", client_ext);
  openssl.Signed("unmapped-app", "/CN=unknown.mops-sopot", "ca", client_ext);
  openssl.RsaPair("jwt");
  openssl.RsaPair("wrong");
  if (!openssl.error().empty()) return openssl.error();
  *pki = TestPki{dir / "ca.crt",
                 {dir / "server.key", dir / "server.crt"},
                 {dir / "app.key", dir / "app.crt"},
                 {dir / "rogue-app.key", dir / "rogue-app.crt"},
                 {dir / "unmapped-app.key", dir / "unmapped-app.crt"},
                 dir / "jwt.key",
                 dir / "jwt.pub",
                 dir / "wrong.key"};
  return "";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace assist::it
