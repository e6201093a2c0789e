// cxx-stl.cc - the C++ standard library for the differential test
// (cdiff.exp): containers (vector, deque, list, map, set, multimap; not
// unordered_map, whose rehash policy uses floating point), algorithms (sort, stable_sort,
// nth_element, partition, binary search, permutations, accumulate,
// transform), std::string operations, iostreams and stringstreams with
// integer formatting, and std::thread with std::mutex and std::atomic.
// Integer-only; the native run is the oracle.
// cdiff-cflags: -pthread
#include <algorithm>
#include <atomic>
#include <deque>
#include <iomanip>
#include <iostream>
#include <list>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

static unsigned rng(unsigned &s)
{
    s = s * 1664525u + 1013904223u;
    return s >> 9;
}

template <class C> static unsigned long long digest(const C &c)
{
    unsigned long long h = 1469598103934665603ull;
    for (const auto &x : c)
        h = (h ^ static_cast<unsigned long long>(x)) * 1099511628211ull;
    return h;
}

int main()
{
    unsigned seed = 2024;
    std::vector<int> v(5000);
    for (auto &x : v)
        x = static_cast<int>(rng(seed) % 100000) - 50000;

    std::vector<int> s = v;
    std::sort(s.begin(), s.end());
    std::cout << "sort: digest " << std::hex << digest(s) << std::dec << " min " << s.front()
              << " max " << s.back() << '\n';
    std::vector<std::pair<int, int>> pairs;
    for (int i = 0; i < 2000; i++)
        pairs.push_back({static_cast<int>(rng(seed) % 50), i});
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    bool stable = true;
    for (size_t i = 1; i < pairs.size(); i++)
        if (pairs[i - 1].first == pairs[i].first && pairs[i - 1].second > pairs[i].second)
            stable = false;
    std::cout << "stable_sort stable " << stable << '\n';

    std::vector<int> n = v;
    std::nth_element(n.begin(), n.begin() + 2500, n.end());
    std::cout << "nth_element median " << n[2500] << " equals sorted " << (n[2500] == s[2500]) << '\n';
    auto mid = std::partition(n.begin(), n.end(), [](int x) { return x % 2 == 0; });
    std::cout << "partition evens " << (mid - n.begin()) << '\n';
    std::cout << "binary_search 0: " << std::binary_search(s.begin(), s.end(), 0)
              << " lower_bound(1000) index " << (std::lower_bound(s.begin(), s.end(), 1000) - s.begin())
              << '\n';
    long long acc = std::accumulate(v.begin(), v.end(), 0LL);
    std::vector<long long> sq(v.size());
    std::transform(v.begin(), v.end(), sq.begin(), [](int x) { return 1LL * x * x; });
    std::cout << "accumulate " << acc << " sum of squares " << std::accumulate(sq.begin(), sq.end(), 0LL)
              << '\n';
    std::string perm = "abcde";
    int perms = 0;
    std::string p40;
    do {
        if (++perms == 40)
            p40 = perm;
    } while (std::next_permutation(perm.begin(), perm.end()));
    std::cout << "permutations " << perms << " 40th " << p40 << '\n';

    std::map<std::string, int> words;
    std::map<int, int> counts;
    std::multimap<int, std::string> by_len;
    std::set<int> uniq(v.begin(), v.end());
    std::istringstream text("the quick brown fox jumps over the lazy dog the end fox");
    std::string w;
    while (text >> w) {
        words[w]++;
        by_len.insert({static_cast<int>(w.size()), w});
    }
    for (int x : v)
        counts[((x % 10) + 10) % 10]++;
    std::cout << "map:";
    for (auto &kv : words)
        std::cout << ' ' << kv.first << '=' << kv.second;
    std::cout << "\nmultimap len 3:";
    auto range = by_len.equal_range(3);
    for (auto it = range.first; it != range.second; ++it)
        std::cout << ' ' << it->second;
    std::cout << "\ndigit counts:";
    for (auto &kv : counts)
        std::cout << ' ' << kv.first << ':' << kv.second;
    std::cout << "\nset size " << uniq.size() << " first " << *uniq.begin() << '\n';

    std::deque<int> dq;
    std::list<int> li;
    for (int i = 0; i < 1000; i++) {
        if (i % 2)
            dq.push_front(i);
        else
            dq.push_back(i);
        li.push_back(i * 3 % 17);
    }
    li.sort();
    li.unique();
    std::cout << "deque front " << dq.front() << " back " << dq.back() << " [500] " << dq[500]
              << " list unique " << li.size() << '\n';

    std::string str = "Hello, differential world";
    std::string up = str;
    std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return std::toupper(c); });
    std::cout << "string: find " << str.find("diff") << " rfind " << str.rfind('l') << " substr ["
              << str.substr(7, 12) << "] upper [" << up << "] npos " << (str.find("zzz") == std::string::npos)
              << '\n';
    std::string big;
    for (int i = 0; i < 300; i++)
        big += std::to_string(i * i) + ",";
    std::cout << "big string size " << big.size() << " digest " << std::hex << digest(big) << std::dec
              << '\n';
    std::ostringstream os;
    os << std::setw(8) << std::setfill('0') << 1234 << '|' << std::hex << std::uppercase << 48879 << '|'
       << std::oct << 64 << '|' << std::dec << std::left << std::setw(6) << std::setfill('.') << -42 << '|';
    std::cout << "ostringstream " << os.str() << '\n';
    int a, b2;
    std::string rest;
    std::istringstream is("123 -456 tail");
    is >> a >> b2 >> rest;
    std::cout << "istringstream " << a << ' ' << b2 << ' ' << rest << '\n';

    std::mutex m;
    long long locked = 0;
    std::atomic<long long> atomic_total{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; t++)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5000; i++) {
                std::lock_guard<std::mutex> g(m);
                locked += t * i;
            }
            for (int i = 0; i < 5000; i++)
                atomic_total.fetch_add(i ^ t);
        });
    for (auto &t : threads)
        t.join();
    std::cout << "std::thread: locked " << locked << " atomic " << atomic_total.load() << std::endl;
    return 0;
}
