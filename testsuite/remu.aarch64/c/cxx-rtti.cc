// cxx-rtti.cc - C++ RTTI and object layout for the differential test
// (cdiff.exp): typeid names and comparisons, dynamic_cast down, across and
// to void* in single, multiple and virtual inheritance, bad_cast from a
// reference cast, virtual calls through every base, pure virtual
// interfaces and virtual destructors.  The native run is the oracle.
#include <cstdio>
#include <cstring>
#include <memory>
#include <typeinfo>
#include <vector>

struct Base {
    virtual ~Base() { destroyed++; }
    virtual int id() const { return 1; }
    static int destroyed;
};
int Base::destroyed;
struct Left : virtual Base {
    int l = 10;
    int id() const override { return 2; }
    virtual int left() const { return l; }
};
struct Right : virtual Base {
    int r = 20;
    int id() const override { return 3; }
    virtual int right() const { return r; }
};
struct Diamond : Left, Right {
    int d = 30;
    int id() const override { return 4; }
    int left() const override { return l + d; }
};
struct Other {
    virtual ~Other() {}
    virtual int other() const { return 99; }
};
struct Multi : Diamond, Other {
    int other() const override { return 100 + id(); }
};

struct Shape {
    virtual ~Shape() = default;
    virtual long area() const = 0;
    virtual const char *name() const = 0;
};
struct Rect : Shape {
    long w, h;
    Rect(long a, long b) : w(a), h(b) {}
    long area() const override { return w * h; }
    const char *name() const override { return "rect"; }
};
struct Square final : Rect {
    explicit Square(long s) : Rect(s, s) {}
    const char *name() const override { return "square"; }
};
struct Tri : Shape {
    long b, h;
    Tri(long x, long y) : b(x), h(y) {}
    long area() const override { return b * h / 2; }
    const char *name() const override { return "tri"; }
};

static void probe(const char *what, Base *p)
{
    Left *l = dynamic_cast<Left *>(p);
    Right *r = dynamic_cast<Right *>(p);
    Diamond *d = dynamic_cast<Diamond *>(p);
    Other *o = dynamic_cast<Other *>(p);
    void *whole = dynamic_cast<void *>(p);
    std::printf("%s: id %d typeid %s left %d right %d diamond %d other %d",
                what, p->id(), typeid(*p).name(), l ? l->left() : -1, r ? r->right() : -1,
                d ? d->d : -1, o ? o->other() : -1);
    std::printf(" void*==most-derived %d\n", whole == dynamic_cast<void *>(d ? static_cast<Base *>(d) : p));
}

int main()
{
    Base b;
    Left l;
    Right r;
    Diamond d;
    Multi m;
    probe("Base", &b);
    probe("Left", &l);
    probe("Right", &r);
    probe("Diamond", &d);
    probe("Multi", &m);

    Right *rp = &d;
    Left *cross = dynamic_cast<Left *>(rp);
    std::printf("cross cast Right->Left: %d left %d\n", cross != nullptr, cross ? cross->left() : -1);
    Other *op = &m;
    Diamond *dd = dynamic_cast<Diamond *>(op);
    std::printf("Other->Diamond in Multi: %d id %d\n", dd != nullptr, dd ? dd->id() : -1);

    try {
        Base &br = b;
        (void) dynamic_cast<Diamond &>(br);
        std::printf("no bad_cast\n");
    } catch (std::bad_cast &e) {
        std::printf("bad_cast caught\n");
    }

    std::printf("typeid equal: %d %d %d\n", typeid(d) == typeid(Diamond), typeid(l) == typeid(r),
                typeid(int) == typeid(signed int));
    std::printf("typeid names: %s %s %s %s\n", typeid(int).name(), typeid(unsigned long long).name(),
                typeid(Diamond *).name(), typeid(const Left &).name());
    std::printf("before: %d\n", typeid(Left).before(typeid(Right)) != typeid(Right).before(typeid(Left)));

    std::vector<std::unique_ptr<Shape>> shapes;
    for (long i = 1; i <= 30; i++) {
        if (i % 3 == 0)
            shapes.emplace_back(new Square(i));
        else if (i % 3 == 1)
            shapes.emplace_back(new Rect(i, i + 1));
        else
            shapes.emplace_back(new Tri(i, 2 * i + 1));
    }
    long total = 0;
    int squares = 0, rects = 0;
    for (auto &s : shapes) {
        total += s->area();
        squares += dynamic_cast<Square *>(s.get()) != nullptr;
        rects += dynamic_cast<Rect *>(s.get()) != nullptr;
    }
    std::printf("shapes: total area %ld squares %d rects %d first %s last %s\n", total, squares,
                rects, shapes.front()->name(), shapes.back()->name());

    Base::destroyed = 0;
    {
        std::unique_ptr<Base> p1(new Diamond), p2(new Multi), p3(new Left);
    }
    std::printf("virtual destructors: %d\n", Base::destroyed);
    return 0;
}
