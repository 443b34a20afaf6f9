# sige: two commands on a fresh Debian 12 machine.
#   make run    install what is missing, build, create ./data with demo data, serve on :8080
#   make test   install what is missing, build, run every test
# Other targets: build, bench, format, clean.

BUILD ?= build
DATA ?= data
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: run test build deps bench format clean

deps:
	@scripts/bootstrap

$(BUILD)/build.ninja $(BUILD)/Makefile:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

# The web application (web/dist), rebuilt when its sources or the API document change.
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html \
	web/package.json web/package-lock.json web/vite.config.ts web/tsconfig.json docs/api/openapi.json

web/dist/index.html: $(WEB_SOURCES)
	cd web && npm run build --silent

build: deps web/dist/index.html $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@if [ ! -e $(DATA)/sige.db ]; then $(BUILD)/sige init --demo --data $(DATA); fi
	$(BUILD)/sige serve --data $(DATA) --listen 127.0.0.1:8080

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@scripts/bootstrap bench
	cmake --build $(BUILD) -j $(JOBS) --target bench_all
	BUILD=$(BUILD) bench/run.sh

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD) web/dist
