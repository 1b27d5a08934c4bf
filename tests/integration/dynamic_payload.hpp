#pragma once
// Plugin messages built at run time from the descriptors DescribeAssistanceType returns, the way
// a client with no generated code for the plugin works.
#include <google/protobuf/any.pb.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>

#include <memory>
#include <string>
#include <string_view>

namespace assist::it {

class DynamicPayloads {
 public:
  // Adds the files (dependencies first); returns an error text, empty on success.
  std::string Load(const google::protobuf::FileDescriptorSet& files);

  // An empty message of `type` (full name); nullptr when the files do not define it.
  std::unique_ptr<google::protobuf::Message> New(std::string_view type) const;

  // A message of `type` (full name) parsed from protobuf JSON; nullptr and `error` on failure.
  std::unique_ptr<google::protobuf::Message> FromJson(std::string_view type, std::string_view json,
                                                      std::string& error) const;

  // The message inside `any`; nullptr and `error` when its type is unknown or it does not parse.
  std::unique_ptr<google::protobuf::Message> Unpack(const google::protobuf::Any& any,
                                                    std::string& error) const;

 private:
  google::protobuf::DescriptorPool pool_;
  mutable google::protobuf::DynamicMessageFactory factory_{&pool_};
};

// `message` packed with the usual "type.googleapis.com/" prefix.
google::protobuf::Any Pack(const google::protobuf::Message& message);

}  // namespace assist::it
