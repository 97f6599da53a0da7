{
  # Built only on demand (`npm run build:native`), never on install: the package must keep working on
  # the simulated backend on machines without libibverbs (see impl/verbs/native.ts).
  "targets": [
    {
      "target_name": "rdsib_verbs",
      "sources": ["src/addon.cc", "src/registry.cc", "src/pump.cc", "src/qp.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "_GNU_SOURCE"],
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra", "-Wno-missing-field-initializers", "-fno-exceptions"],
      "libraries": ["-libverbs", "-lpthread"]
    }
  ]
}
