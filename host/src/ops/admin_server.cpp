#include "ops/admin_server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <utility>

#include "ops/metrics.hpp"

namespace assist::host {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::chrono::seconds kExchangeLimit{5};

http::response<http::string_body> Answer(const http::request<http::string_body>& request,
                                         const ReadinessProbe& readiness) {
  http::response<http::string_body> response;
  response.version(request.version());
  response.keep_alive(false);
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  const std::string target(request.target());
  const std::string path = target.substr(0, target.find('?'));
  if (request.method() != http::verb::get && request.method() != http::verb::head) {
    response.result(http::status::method_not_allowed);
    response.body() = "GET only\n";
  } else if (path == "/metrics") {
    response.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.body() = HostMetrics().RenderPrometheus();
  } else if (path == "/livez") {
    response.body() = "ok\n";
  } else if (path == "/readyz") {
    const std::string why = readiness();
    response.result(why.empty() ? http::status::ok : http::status::service_unavailable);
    response.body() = why.empty() ? "ready\n" : why + "\n";
  } else {
    response.result(http::status::not_found);
    response.body() = "/metrics, /livez or /readyz\n";
  }
  response.prepare_payload();
  return response;
}

// One request and its answer on one connection, then close.
class Exchange : public std::enable_shared_from_this<Exchange> {
 public:
  Exchange(tcp::socket socket, const ReadinessProbe& readiness)
      : stream_(std::move(socket)), readiness_(readiness) {}

  void Start() {
    stream_.expires_after(kExchangeLimit);
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                       if (!error) self->Respond();
                     });
  }

 private:
  void Respond() {
    response_ = Answer(request_, readiness_);
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code, std::size_t) {
                        beast::error_code ignored;
                        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
                      });
  }

  beast::tcp_stream stream_;
  const ReadinessProbe& readiness_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

tcp::endpoint Endpoint(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw std::runtime_error("admin.listen must be HOST:PORT");
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host == "localhost") host = "127.0.0.1";
  beast::error_code error;
  const auto address = asio::ip::make_address(host, error);
  if (error) throw std::runtime_error("admin.listen: \"" + host + "\" is not an IP address");
  return {address, static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)))};
}

}  // namespace

struct AdminServer::State {
  State(const std::string& listen, ReadinessProbe probe)
      : readiness(std::move(probe)), acceptor(io) {
    const tcp::endpoint endpoint = Endpoint(listen);
    beast::error_code error;
    acceptor.open(endpoint.protocol(), error);
    if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
    if (!error) acceptor.bind(endpoint, error);
    if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error) {
      throw std::runtime_error("admin listener cannot listen on " + listen + ": " +
                               error.message());
    }
  }

  void Accept() {
    acceptor.async_accept([this](beast::error_code error, tcp::socket socket) {
      if (error) return;  // closed: the server is stopping
      std::make_shared<Exchange>(std::move(socket), readiness)->Start();
      Accept();
    });
  }

  ReadinessProbe readiness;
  asio::io_context io;
  tcp::acceptor acceptor;
  std::thread thread;
};

AdminServer::AdminServer(const std::string& listen, ReadinessProbe readiness)
    : state_(std::make_unique<State>(listen, std::move(readiness))) {
  state_->Accept();
  state_->thread = std::thread([state = state_.get()] { state->io.run(); });
}

AdminServer::~AdminServer() {
  state_->io.stop();
  if (state_->thread.joinable()) state_->thread.join();
}

int AdminServer::port() const { return state_->acceptor.local_endpoint().port(); }

}  // namespace assist::host
