-- sql-test.sql - sqlite3 under remu-aarch64, compared with the host's
-- sqlite3 by debian.exp (".read" into a fresh database file and :memory:).
-- Every query has an ORDER BY, so the output does not depend on the plan.
.headers on
.mode list
CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT, dept INTEGER REFERENCES dept(id),
                 salary REAL, hired TEXT);
CREATE INDEX emp_dept ON emp(dept);
INSERT INTO dept(name) VALUES ('eng'), ('ops'), ('sales'), ('empty');
BEGIN;
INSERT INTO emp(name, dept, salary, hired) VALUES
  ('alice', 1, 120000.5, '2019-03-01'), ('bob', 1, 95000.25, '2021-07-15'),
  ('carol', 2, 70000, '2018-01-10'), ('dave', 3, 65000.75, '2020-11-30'),
  ('eve', 3, 72000, '2022-02-28'), ('frank', 2, 68000.125, '2017-05-05'),
  ('grace', 1, 130000, '2016-09-09');
-- A few thousand generated rows, so the b-tree has several pages.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
INSERT INTO emp(name, dept, salary, hired)
  SELECT printf('gen%04d', i), 1 + i % 3, 30000 + (i * 7919) % 50000 + i / 7.0,
         date('2000-01-01', '+' || (i * 3) || ' days')
  FROM n;
COMMIT;
BEGIN;
DELETE FROM emp WHERE name LIKE 'gen1%';
UPDATE emp SET salary = salary * 2 WHERE dept = 2;
ROLLBACK;
SELECT count(*) AS n, sum(salary > 100000) AS rich FROM emp;
SELECT d.name, count(e.id) AS n, printf('%.3f', avg(e.salary)) AS avg,
       min(e.salary) AS min, max(e.salary) AS max, round(sum(e.salary), 2) AS total
  FROM dept d LEFT JOIN emp e ON e.dept = d.id
  GROUP BY d.id ORDER BY d.name;
SELECT e.name, d.name AS dept, e.salary, e.hired
  FROM emp e JOIN dept d ON d.id = e.dept
  WHERE e.name NOT LIKE 'gen%' ORDER BY e.salary DESC, e.name;
SELECT substr(hired, 1, 4) AS year, count(*) AS n, printf('%10.2f', total(salary)) AS t
  FROM emp GROUP BY year HAVING n > 100 ORDER BY year LIMIT 8;
SELECT name, salary FROM emp WHERE salary = (SELECT max(salary) FROM emp WHERE dept = 3);
SELECT 1.0 / 3, 2.0 / 3 * 3, 1e308 * 10, -0.0, 0.1 + 0.2, 10 / 4, 10 % 4, 7.5 % 2,
       abs(-2.5), round(2.675, 2), cast(9.99 AS INTEGER), 9223372036854775807 + 0,
       printf('%e|%g|%.15g|%x|%5.1f|%s', 6.02e23, 1e-5, 3.141592653589793, 255, 2.25, 'ok');
SELECT upper('abc'), lower('XyZ'), length('héllo'), instr('hello', 'll'), replace('aaa', 'a', 'bc'),
       trim('  x  '), hex('AB'), quote('it''s'), typeof(1), typeof(1.5), typeof('x'),
       typeof(NULL), typeof(x'00'), coalesce(NULL, 'dflt'), nullif(1, 1) IS NULL;
SELECT group_concat(name, ',') FROM (SELECT name FROM emp WHERE dept = 1 AND name NOT LIKE 'gen%'
  ORDER BY name);
SELECT name, salary, rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS r
  FROM emp WHERE name NOT LIKE 'gen%' ORDER BY dept, r;
SELECT date('2024-02-28', '+1 day'), julianday('2000-01-01') - julianday('1999-01-01'),
       strftime('%Y-%j', '2023-12-31');
CREATE TABLE kv(k TEXT PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO kv VALUES ('a', 1), ('b', 2.5), ('c', 'three');
INSERT INTO kv VALUES ('a', 9) ON CONFLICT(k) DO UPDATE SET v = v + excluded.v;
SELECT * FROM kv ORDER BY k;
SELECT count(*), sum(length(name)) FROM emp WHERE rowid IN (SELECT rowid FROM emp
  WHERE salary BETWEEN 40000 AND 60000);
PRAGMA integrity_check;
