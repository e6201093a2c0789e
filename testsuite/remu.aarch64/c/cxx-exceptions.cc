// cxx-exceptions.cc - C++ exceptions for the differential test (cdiff.exp):
// throws across many frames, destructors run during unwinding (in order),
// catch by base class, rethrow, nested try, exceptions in constructors of
// members, std::exception_ptr, noexcept, and function-try-blocks.  The
// unwinder reads .eh_frame and runs the personality routine, so this
// tests the guest's stack walking end to end.  The native run is the
// oracle.
#include <cstdio>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

static std::string trace;

struct Noisy {
    char tag;
    explicit Noisy(char t) : tag(t) { trace += '+'; trace += tag; }
    ~Noisy() { trace += '-'; trace += tag; }
};

struct Error : std::runtime_error {
    int code;
    Error(const std::string &w, int c) : std::runtime_error(w), code(c) {}
};
struct DeepError : Error {
    using Error::Error;
};

static int __attribute__((noinline)) deep(int n, int throw_at)
{
    Noisy guard(static_cast<char>('a' + n % 26));
    if (n == throw_at) {
        if (n % 2)
            throw DeepError("deep odd", n);
        throw Error("deep even", n);
    }
    return deep(n + 1, throw_at) + 1;
}

struct Member {
    explicit Member(int v) { if (v < 0) throw std::invalid_argument("negative member"); trace += 'M'; }
    ~Member() { trace += 'm'; }
};
struct Holder {
    Noisy first{'H'};
    Member a, b;
    Holder(int x, int y) : a(x), b(y) {}
};

static void rethrower()
{
    try {
        throw std::out_of_range("inner");
    } catch (std::exception &e) {
        trace += "[caught ";
        trace += e.what();
        trace += "]";
        throw;
    }
}

static int ftb(int v) try {
    if (v)
        throw v;
    return 0;
} catch (int x) {
    return x * 10;
}

int main()
{
    for (int at = 0; at < 12; at += 5) {
        trace.clear();
        try {
            deep(0, at);
        } catch (DeepError &e) {
            std::printf("DeepError %s code %d\n", e.what(), e.code);
        } catch (Error &e) {
            std::printf("Error %s code %d\n", e.what(), e.code);
        }
        std::printf("  unwind trace %s\n", trace.c_str());
    }

    for (int y : {1, -1}) {
        trace.clear();
        try {
            Holder h(1, y);
            trace += "<ok>";
        } catch (std::invalid_argument &e) {
            trace += "<";
            trace += e.what();
            trace += ">";
        }
        std::printf("member ctor y=%d: %s\n", y, trace.c_str());
    }

    trace.clear();
    try {
        rethrower();
    } catch (std::logic_error &e) {
        trace += "(outer ";
        trace += e.what();
        trace += ")";
    }
    std::printf("rethrow: %s\n", trace.c_str());

    std::exception_ptr ep;
    try {
        std::vector<int> v(3);
        v.at(10) = 1;
    } catch (...) {
        ep = std::current_exception();
    }
    try {
        std::rethrow_exception(ep);
    } catch (std::out_of_range &) {
        std::printf("exception_ptr: out_of_range carried\n");
    }

    int caught = 0;
    for (int i = 0; i < 1000; i++) {
        try {
            if (i % 3 == 0)
                throw i;
            if (i % 3 == 1)
                throw std::string("s") + std::to_string(i);
            throw Error("e", i);
        } catch (int v) {
            caught += v;
        } catch (const std::string &s) {
            caught += static_cast<int>(s.size());
        } catch (const std::exception &e) {
            caught += 1;
        }
    }
    std::printf("1000 throws: checksum %d\n", caught);
    std::printf("function-try-block: %d %d\n", ftb(0), ftb(7));

    trace.clear();
    try {
        std::unique_ptr<Noisy> p(new Noisy('u'));
        Noisy stack('s');
        throw 1;
    } catch (int) {
        trace += "!";
    }
    std::printf("unique_ptr unwind: %s\n", trace.c_str());
    return 0;
}
