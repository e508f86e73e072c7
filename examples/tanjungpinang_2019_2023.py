"""Peta Jalan Smart City Kota Tanjungpinang 2019-2023: the roadmap, checked, scheduled, drawn.

The planning agency (Bappelitbang) of Kota Tanjungpinang set out its smart-city programme
for 2019-2023: facilities, infrastructure and management systems first (2019), then smart
economy and smart living (2020), smart people (2021), smart government (2022) and
optimisation (2023).  This script builds that roadmap with the ``roadmap`` API, checks it,
schedules it, totals its budget per fiscal year and writes, to ``out/`` (or the folder
given as the first argument)::

    gantt.pdf, gantt.png      the Gantt chart in Indonesian
    budget.png                budget per fiscal year by dimension, against the ceilings
    kurva_s.png               the S-curve (cost-weighted cumulative progress)
    laporan.html              the report to send: one self-contained HTML file that opens
                              offline and prints one section per page (Indonesian)
    temuan.md                 the findings of the checks (Markdown, Indonesian)
    status.md                 the illustrative status at 30 June 2021 against the 2019
                              baseline: forecast, variances, earned value (Markdown)
    gantt_status.png          the forecast at 30 June 2021 over the baseline's grey bars
    tonggak.png               the milestone slip chart: each milestone's forecast at every
                              quarter end from 2019 to 30 June 2021
    laporan_status.html       the report of the monitored roadmap
    jadwal.csv                the schedule (early and late dates, slack, driving links),
                              for Excel with Indonesian settings (';', Indonesian headers)
    renstra.xlsx              the Renstra table (Rencana Program, Kegiatan, dan Pendanaan)
                              of the illustrative programme tree and indicators
    rencana_level.toml        the plan leveled to its yearly ceilings (2020 is over): the
                              items moved later as little as the ceilings allow; only their
                              dates differ from tanjungpinang_2019_2023.toml
    anggaran_level.png        the budget per year before and after leveling, and the ceilings
    pemerataan.md             the moves and why (Markdown, Indonesian)
    risiko.md                 Monte Carlo risk of the illustrative ranges and risk register:
                              P-dates, the chance to finish by 31 December 2023, drivers,
                              spend per year against the ceilings (Markdown, Indonesian)
    risiko_selesai.png        the finish distribution with its P-dates
    risiko_pendorong.png      the tornado of the items that drive the finish
    risiko_belanja.png        spend per fiscal year (P10-P90, P50) against the ceilings

ILLUSTRATIVE DATA.  Initiative names and agencies follow public reports about
Tanjungpinang; every budget, duration, range, risk, dependency and ceiling below is
invented for illustration.  Do not cite these figures.  The same plan ships as
``examples/tanjungpinang_2019_2023.toml`` for the command line.

Run::

    python examples/tanjungpinang_2019_2023.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import attrs

import roadmap as rm
from roadmap._files import atomic_write
from roadmap.export import level_markdown, risk_markdown, schedule_csv, status_markdown
from roadmap.io import save_starts
from roadmap.plot import (
    budget_figure,
    level_figure,
    risk_figure,
    s_curve_figure,
    save_figure,
    slip_figure,
)

PHASES = [
    rm.Phase(
        id="F1",
        name="Sarana, prasarana & sistem manajemen",
        start=date(2019, 1, 1),
        end=date(2019, 12, 31),
    ),
    rm.Phase(
        id="F2", name="Smart economy & smart living", start=date(2020, 1, 1), end=date(2020, 12, 31)
    ),
    rm.Phase(id="F3", name="Smart people", start=date(2021, 1, 1), end=date(2021, 12, 31)),
    rm.Phase(id="F4", name="Smart government", start=date(2022, 1, 1), end=date(2022, 12, 31)),
    rm.Phase(id="F5", name="Optimalisasi", start=date(2023, 1, 1), end=date(2023, 12, 31)),
]

# (id, name, phase, dimension, owning agency, start month, months, depends on,
#  budget in rupiah (a total, or per fiscal year), funding, layer, description)
# fmt: off
INITIATIVES = [
    ('SC01', 'Penyusunan Masterplan & Quick Win Smart City (Bimtek GM100SC)', 'F1', 'Smart Governance', 'Diskominfo', "2019-07", 5, [], 150_000_000, 'APBD', 'Suprastruktur', 'Smart-city master plan & quick wins (Kominfo technical guidance); mitra: Bappelitbang'),
    ('SC02', 'Pembentukan Dewan Smart City & Tim Pelaksana (SK Wali Kota)', 'F1', 'Smart Governance', 'Bagian Organisasi Setda', "2019-08", 2, [], 50_000_000, 'APBD', 'Suprastruktur', 'Smart-city council & implementation team decree; mitra: Diskominfo'),
    ('SC03', 'Penetapan Perwako Rencana Induk Kota Cerdas', 'F2', 'Smart Governance', 'Bagian Hukum Setda', "2020-01", 10, ['SC01', 'SC02'], 75_000_000, 'APBD', 'Suprastruktur', 'Mayoral regulation adopting the master plan (Perwako 84/2020); mitra: Diskominfo'),
    ('SC04', 'Rencana Induk Infrastruktur Kota 20 Tahun', 'F1', 'Smart Living', 'Bappelitbang', "2020-02", 9, ['SC01'], 600_000_000, 'APBD', 'Infrastruktur', '20-year city infrastructure master plan; mitra: Dinas PUPR'),
    ('SC05', 'Renstra TIK / Rencana Induk e-Government (Arsitektur & Peta Rencana SPBE)', 'F1', 'Smart Governance', 'Diskominfo', "2020-02", 8, ['SC01'], 350_000_000, 'APBD', 'Suprastruktur', 'ICT strategic plan / e-government master plan (SPBE architecture & roadmap)'),
    ('SC06', 'Jaringan Intra Pemerintah (fiber optik antar-OPD & kelurahan)', 'F1', 'Smart Governance', 'Diskominfo', "2019-03", 9, [], 2_500_000_000, ['APBD', 'Kemitraan'], 'Infrastruktur', 'Government intranet (fibre between agencies and urban villages)'),
    ('SC07', 'Pusat Data Pemerintah Kota (data center / kolokasi)', 'F1', 'Smart Governance', 'Diskominfo', "2019-06", 7, [], 1_800_000_000, 'APBD', 'Infrastruktur', 'City government data centre (or colocation)'),
    ('SC08', 'Wi-Fi Publik Tahap I (taman & kantor kelurahan)', 'F1', 'Smart Society', 'Diskominfo', "2020-02", 4, ['SC06'], 350_000_000, 'APBD', 'Infrastruktur', 'Public Wi-Fi phase I (parks, urban-village offices)'),
    ('SC09', 'Command Center / Ruang Kendali Kota', 'F1', 'Smart Governance', 'Diskominfo', "2020-02", 9, ['SC06', 'SC07'], 2_750_000_000, 'APBD', 'Infrastruktur', 'City operations/command centre'),
    ('SC10', 'CCTV Kota Terintegrasi Tahap I (20 titik)', 'F2', 'Smart Living', 'Diskominfo', "2020-07", 5, ['SC06'], 1_500_000_000, ['APBD', 'CSR'], 'Infrastruktur', 'Integrated city CCTV phase I (20 sites); mitra: Dinas Perhubungan'),
    ('SC11', 'Quick Win Integrasi Data: MoU pemanfaatan data kependudukan & dasbor data OPD', 'F2', 'Smart Governance', 'Disdukcapil', "2020-01", 5, ['SC07'], 200_000_000, 'APBD', 'Layanan', 'Data-integration quick win: population-data MoU & agency data dashboard; mitra: Diskominfo'),
    ('SC12', 'SiKancil - layanan adminduk daring', 'F2', 'Smart Governance', 'Disdukcapil', "2020-06", 5, ['SC11'], 250_000_000, 'APBD', 'Layanan', 'SiKancil online civil-registration services'),
    ('SC13', 'e-Puskesmas di seluruh puskesmas (Quick Win Kesehatan)', 'F2', 'Smart Living', 'Dinkes Dalduk KB', "2020-01", 9, ['SC06'], 600_000_000, ['APBD', 'DAK'], 'Layanan', 'e-Puskesmas in all community health centres (health quick win)'),
    ('SC14', 'SIM Rumah Sakit (SIMRS) RSUD Kota Tanjungpinang', 'F2', 'Smart Living', 'RSUD Kota Tanjungpinang', "2020-01", 10, ['SC06'], 1_200_000_000, ['BLUD', 'APBD'], 'Layanan', 'Hospital information system at the city hospital'),
    ('SC15', 'Paket Wisata Unggulan & promosi digital Kota Pusaka (Pulau Penyengat)', 'F2', 'Smart Branding', 'Disbudpar', "2020-03", 9, ['SC01'], 500_000_000, 'APBD', 'Layanan', 'Flagship tour packages & digital promotion of the heritage city (Penyengat Island)'),
    ('SC16', 'Katalog & Pasar Daring UMKM/Ekraf', 'F2', 'Smart Economy', 'Dinas Koperasi & UKM (nomenklatur perlu dicek)', "2020-04", 8, ['SC01'], 400_000_000, ['APBD', 'CSR'], 'Layanan', 'Online catalogue & marketplace for MSMEs/creative economy; mitra: Disdagin'),
    ('SC17', 'Puan Molek - pengendalian & pengawasan distribusi LPG 3 kg', 'F3', 'Smart Economy', 'Disdagin', "2021-01", 6, ['SC11'], 150_000_000, 'APBD', 'Layanan', 'Puan Molek: control of subsidised 3-kg LPG distribution'),
    ('SC18', 'Simarkonang (aplikasi layanan DKP2KB; kepanjangan belum terverifikasi)', 'F3', 'Smart Living', 'Dinkes Dalduk KB', "2021-02", 6, ['SC13'], 150_000_000, 'APBD', 'Layanan', 'Simarkonang (health/family-planning service app; acronym unverified)'),
    ('SC19', 'Tanjak (Tanjungpinang Aktual) - informasi & pengaduan satu pintu', 'F2', 'Smart Governance', 'Diskominfo', "2020-03", 6, ['SC07'], 300_000_000, 'APBD', 'Layanan', 'Tanjak app: one-door public information & complaints'),
    ('SC20', 'Penguatan PPID & Portal Keterbukaan Informasi', 'F2', 'Smart Governance', 'Diskominfo (PPID Utama)', "2020-01", 12, [], 200_000_000, 'APBD', 'Suprastruktur', 'Strengthening the public-information office (PPID) & transparency portal'),
    ('SC21', 'Cetak Biru Pengembangan SDM (ASN & masyarakat digital)', 'F3', 'Smart Society', 'BKPSDM', "2021-01", 6, ['SC05'], 250_000_000, 'APBD', 'Suprastruktur', 'HR development blueprint (civil servants & digital citizens); mitra: Diskominfo'),
    ('SC22', 'Literasi Digital & Pelatihan TIK (ASN, UMKM, pelajar)', 'F3', 'Smart Society', 'Diskominfo', "2021-07", 18, ['SC21'], {2021: 200_000_000, 2022: 400_000_000}, ['APBD', 'APBN'], 'Layanan', 'Digital literacy & ICT training (civil servants, MSMEs, students); mitra: Dinas Pendidikan'),
    ('SC23', 'Perpustakaan Digital (e-library) Kota', 'F3', 'Smart Society', 'Dinas Perpustakaan dan Kearsipan', "2021-03", 8, ['SC06'], 350_000_000, ['APBD', 'DAK'], 'Layanan', 'City digital library'),
    ('SC24', 'Wi-Fi Publik Tahap II (perluasan ke ±46 titik)', 'F3', 'Smart Society', 'Diskominfo', "2021-03", 9, ['SC08'], 300_000_000, 'APBD', 'Infrastruktur', 'Public Wi-Fi phase II (expansion to ~46 points)'),
    ('SC25', 'Forum Konsultasi Publik (public hearing) standar pelayanan', 'F3', 'Smart Governance', 'Bagian Organisasi Setda', "2021-02", 8, ['SC19'], 120_000_000, 'APBD', 'Suprastruktur', 'Public consultation forums (public hearings) on service standards; mitra: OPD pelayanan'),
    ('SC26', 'Regulasi Pelayanan Publik & SPBE (Perwako SPBE, standar pelayanan elektronik)', 'F4', 'Smart Governance', 'Bagian Hukum Setda', "2021-10", 7, ['SC05', 'SC25'], {2021: 64_000_000, 2022: 86_000_000}, 'APBD', 'Suprastruktur', 'Public-service & SPBE regulations (mayoral regulations, e-service standards); mitra: Bagian Organisasi, Diskominfo'),
    ('SC27', 'Mal Pelayanan Publik (MPP) Tahap I-II', 'F4', 'Smart Governance', 'DPMPTSP', "2021-06", 15, ['SC06', 'SC12'], {2021: 2_100_000_000, 2022: 2_400_000_000}, ['APBD', 'APBN'], 'Layanan', 'Public Service Mall (one-stop service centre) phases I-II'),
    ('SC28', 'Satu Data Tanjungpinang & Geoportal (data terbuka)', 'F4', 'Smart Governance', 'Diskominfo', "2022-02", 10, ['SC11', 'SC05'], 700_000_000, 'APBD', 'Layanan', 'One Data Tanjungpinang & geoportal (open data); mitra: Bappelitbang'),
    ('SC29', 'Integrasi e-Kinerja (Ape Keje) & e-Office dengan Tanda Tangan Elektronik', 'F4', 'Smart Governance', 'BKPSDM', "2022-05", 8, ['SC21', 'SC26'], 450_000_000, 'APBD', 'Layanan', 'Integrate e-performance (Ape Keje) & e-office with e-signatures; mitra: Diskominfo'),
    ('SC30', 'Keamanan Informasi: Persandian (Pindai), CSIRT & Indeks KAMI', 'F4', 'Smart Governance', 'Diskominfo (Bidang Persandian)', "2022-03", 9, ['SC07'], 300_000_000, ['APBD', 'APBN'], 'Infrastruktur', 'Information security: encryption services (Pindai), CSIRT & KAMI index'),
    ('SC31', 'Kampung Iklim (ProKlim) berbasis data & bank sampah', 'F3', 'Smart Environment', 'Dinas Lingkungan Hidup', "2021-04", 33, [], {2021: 164_000_000, 2022: 218_000_000, 2023: 218_000_000}, ['APBD', 'CSR'], 'Layanan', 'Climate villages (ProKlim) with data & waste banks'),
    ('SC32', 'Sistem Informasi Persampahan & pengaduan sampah', 'F5', 'Smart Environment', 'Dinas Lingkungan Hidup', "2023-02", 7, ['SC19', 'SC28'], 250_000_000, 'APBD', 'Layanan', 'Solid-waste information & complaint system; mitra: Diskominfo'),
    ('SC33', 'Informasi jadwal kapal & angkutan terintegrasi (Pelabuhan Sri Bintan Pura)', 'F5', 'Smart Living', 'Dinas Perhubungan', "2023-02", 8, ['SC28'], 250_000_000, 'APBD', 'Layanan', 'Integrated ferry & transport schedule information'),
    ('SC34', 'Pulau Penyengat Pulau Digital & Tourism Information Centre', 'F5', 'Smart Branding', 'Disbudpar', "2023-03", 10, ['SC15', 'SC24'], 3_000_000_000, ['DAK', 'Kemitraan'], 'Infrastruktur', "Penyengat 'digital island' & tourism information centre; mitra: Diskominfo"),
    ('SC35', 'Kajian KPBU Penerangan Jalan Umum Cerdas (OBC/FBC)', 'F5', 'Smart Environment', 'Dinas Perhubungan', "2023-02", 8, ['SC04'], 400_000_000, 'APBD', 'Infrastruktur', 'PPP study for smart street lighting (outline/final business case); mitra: Dinas PUPR'),
    ('SC36', 'Evaluasi & Optimalisasi Masterplan (evaluasi Kominfo, Indeks SPBE, review)', 'F5', 'Smart Governance', 'Diskominfo', "2023-01", 12, ['SC27', 'SC28', 'SC29', 'SC22'], 200_000_000, 'APBD', 'Suprastruktur', 'Master-plan evaluation & optimisation (Kominfo evaluation, SPBE index, review); mitra: Bappelitbang'),
    ('SC37', 'Elektronifikasi transaksi pemda: pajak & retribusi non-tunai (QRIS)', 'F2', 'Smart Economy', 'BPPRD', "2020-07", 6, ['SC06'], 350_000_000, ['APBD', 'Kemitraan'], 'Layanan', 'Cashless local taxes & fees (QRIS) - electronification of local-government transactions; mitra: Bank Riau Kepri (mitra)'),
    ('SC38', "Branding 'Tanjungpinang Kota Pusaka' & kalender event digital", 'F3', 'Smart Branding', 'Disbudpar', "2021-05", 6, ['SC15'], 300_000_000, 'APBD', 'Layanan', "City branding 'heritage city' & digital events calendar"),
]
# fmt: on

MILESTONES = [
    rm.Milestone(
        id="M1",
        name="Masterplan ditetapkan (Perwako 84/2020)",
        after="SC03",
        phase="F2",
        dimension="Smart Governance",
        owner="Bagian Hukum Setda",
    ),
    rm.Milestone(
        id="M2",
        name="Layanan perizinan terintegrasi beroperasi",
        after="SC27",
        phase="F4",
        dimension="Smart Governance",
        owner="DPMPTSP",
    ),
    rm.Milestone(
        id="M3",
        name="Evaluasi akhir peta jalan",
        after="SC36",
        phase="F5",
        dimension="Smart Governance",
        owner="Bappelitbang",
        deadline=date(2023, 12, 31),
    ),
]

# Yearly ceilings (pagu indikatif) for the programme, in rupiah.
CEILINGS = {
    2019: 6_000_000_000,
    2020: 8_000_000_000,
    2021: 5_000_000_000,
    2022: 5_000_000_000,
    2023: 5_000_000_000,
}


# -- uncertainty (ILLUSTRATIVE, like every figure above) ----------------------------------

# Three-point durations by layer, relative to the planned duration: infrastructure works
# depend on tenders and deliveries, services on data and adoption, regulation on the
# legislative calendar.  PERT distributions (the default).
RANGES = {
    "Infrastruktur": ["-10%", "+50%"],
    "Layanan": ["-10%", "+40%"],
    "Suprastruktur": ["-15%", "+35%"],
}
# Costs vary less than durations: most contracts are fixed-price.
COST_RANGE = ["-5%", "+15%"]

RISKS = [
    rm.Risk(id="R1", name="Tender infrastruktur gagal dan diulang", probability=0.30,
            items=["SC06", "SC07", "SC09"], delay=["1 month", "2 months", "4 months"],
            owner="Diskominfo", description="Lelang gagal; tender ulang (UKPBJ)"),
    rm.Risk(id="R2", name="Refocusing anggaran (realokasi APBD)", probability=0.35,
            items=["SC10", "SC13", "SC14", "SC15"], delay=["2 months", "6 months"],
            owner="BPKAD", description="Anggaran dialihkan ke prioritas lain di tahun berjalan"),
    rm.Risk(id="R3", name="Integrasi data kependudukan tertunda", probability=0.25,
            items=["SC11", "SC12"], delay=["1 month", "3 months"], owner="Disdukcapil"),
    rm.Risk(id="R4", name="Kenaikan harga perangkat keras", probability=0.20,
            items=["SC09", "SC10"], cost=[100_000_000, 250_000_000, 500_000_000],
            owner="Diskominfo"),
]  # fmt: skip
# The infrastructure works share a contractor market and the same procurement unit: when
# one runs long, the others tend to as well.
CORRELATIONS = [rm.Correlation(items=["SC06", "SC07", "SC09"], coefficient=0.5)]

# -- the programme tree and indicators (ILLUSTRATIVE: codes of the Permendagri 90/2019
# shape and edition, names abridged; sub kegiatan numbers, targets and realisations are
# INVENTED) ----------------------------------------------------------------------------------
EDITION = "Permendagri 90/2019 (ilustratif)"
PROGRAMMES = [
    rm.Programme(code=code, name=name, edition=EDITION, owner=owner)
    for code, name, owner in [
        ("2.16.02", "Program Informasi dan Komunikasi Publik", "Diskominfo"),
        ("2.16.02.2.01", "Pengelolaan Informasi dan Komunikasi Publik", "Diskominfo"),
        ("2.16.02.2.01.05", "Layanan Informasi Publik dan Pengaduan (ilustratif)", "Diskominfo"),
        ("2.16.03", "Program Pengelolaan Aplikasi Informatika", "Diskominfo"),
        ("2.16.03.2.02", "Pengelolaan e-Government di Lingkup Pemerintah Daerah", "Diskominfo"),
        ("2.16.03.2.02.09", "Penyelenggaraan Jaringan Intra Pemerintah Daerah (ilustratif)",
         "Diskominfo"),
        ("2.16.03.2.02.10", "Pusat Data dan Ruang Kendali (ilustratif)", "Diskominfo"),
        ("2.21.02", "Program Penyelenggaraan Persandian untuk Pengamanan Informasi",
         "Diskominfo"),
        ("2.21.02.2.01", "Penyelenggaraan Persandian untuk Pengamanan Informasi",
         "Diskominfo"),
        ("2.21.02.2.01.01", "Pengamanan Informasi dan CSIRT (ilustratif)", "Diskominfo"),
    ]
]  # fmt: skip
# The initiatives budgeted under a node of the tree, and the masterplan's three quick wins
# (tourism with SMEs, health, data integration).
PROGRAMME_OF = {
    "SC06": "2.16.03.2.02.09", "SC07": "2.16.03.2.02.10", "SC09": "2.16.03.2.02.10",
    "SC19": "2.16.02.2.01.05", "SC20": "2.16.02.2.01.05", "SC28": "2.16.03.2.02",
    "SC30": "2.21.02.2.01.01",
}  # fmt: skip
QUICK_WINS = {"SC11", "SC13", "SC15", "SC16"}
INDICATORS = [
    rm.Indicator(id="IK1", name="Indeks SPBE", unit="indeks", level="target",
                 items=["2.16.03", "2.16.03.2.02"], baseline=1.8,
                 targets={2019: 2.0, 2020: 2.3, 2021: 2.6, 2022: 2.9, 2023: 3.1}, final=3.1,
                 combine="last", realisations={"2019": 1.95, "2020": 2.24}),
    rm.Indicator(id="IK2", name="Perangkat daerah terhubung jaringan intra", unit="OPD",
                 level="output", items=["2.16.03.2.02.09", "2.16.03.2.02.10"], baseline=5,
                 targets={2019: 10, 2020: 12, 2021: 8}, final=30,
                 realisations={"2019": 9, "2020-TW1": 2, "2020-TW2": 3, "2020-TW3": 4,
                               "2020-TW4": 2, "2021-TW1": 2}),
    rm.Indicator(id="IK3", name="Layanan informasi publik daring", unit="layanan",
                 level="outcome", items=["2.16.02", "2.16.02.2.01", "2.16.02.2.01.05"],
                 baseline=1, targets={2019: 1, 2020: 3, 2021: 2}, final=6,
                 realisations={"2020": 3, "2021-TW1": 1}),
    rm.Indicator(id="IK4", name="Perangkat daerah dengan Indeks KAMI minimal Cukup", unit="%",
                 level="output", items=["2.21.02", "2.21.02.2.01", "2.21.02.2.01.01"],
                 baseline=10, targets={2022: 40, 2023: 60}, final=60, combine="percent"),
]  # fmt: skip


# -- an illustrative status at 30 June 2021 (INVENTED, like every figure above) ------------

STATUS_DATE = date(2021, 6, 30)

# Finished items: actual start, actual finish, money spent.  SC07, SC09 and SC11 finished
# late; M1 (the Perwako) was adopted a day early.
# fmt: off
FINISHED = [
    ("SC06", "2019-03-04", "2019-12-20", 2_430_000_000),
    ("SC07", "2019-06-03", "2020-01-31", 1_790_000_000),
    ("SC01", "2019-07-01", "2019-11-29", 148_000_000),
    ("SC02", "2019-08-05", "2019-09-30", 50_000_000),
    ("SC11", "2020-01-06", "2020-06-30", 198_000_000),
    ("SC13", "2020-01-06", "2020-09-30", 590_000_000),
    ("SC03", "2020-01-02", "2020-10-29", 75_000_000),
    ("SC14", "2020-01-13", "2020-12-18", 1_150_000_000),
    ("SC20", "2020-01-06", "2020-12-30", 195_000_000),
    ("SC08", "2020-02-03", "2020-05-29", 340_000_000),
    ("SC05", "2020-02-03", "2020-10-30", 345_000_000),
    ("SC04", "2020-02-03", "2020-11-27", 590_000_000),
    ("SC09", "2020-03-02", "2021-01-29", 2_700_000_000),
    ("SC19", "2020-03-02", "2020-08-31", 295_000_000),
    ("SC15", "2020-03-02", "2020-11-30", 480_000_000),
    ("SC16", "2020-04-01", "2020-11-30", 390_000_000),
    ("SC12", "2020-07-01", "2020-11-27", 240_000_000),
    ("SC10", "2020-07-01", "2020-12-30", 1_480_000_000),
    ("SC37", "2020-07-01", "2020-12-30", 340_000_000),
    ("SC17", "2021-01-04", "2021-06-30", 148_000_000),
]
# Items under way: actual start, and the monthly realisation report (RFK) of 2021:
# month, cumulative physical progress, money spent in the month, problems.
STARTED = {
    "SC21": ("2021-01-04", [("2021-03", 0.40, 100_000_000, None),
                            ("2021-06", 0.85, 110_000_000, "narasumber belum tersedia")]),
    "SC18": ("2021-02-01", [("2021-03", 0.25, 40_000_000, None),
                            ("2021-06", 0.70, 60_000_000, "integrasi data DKP2KB tertunda")]),
    "SC25": ("2021-02-01", [("2021-03", 0.20, 25_000_000, None),
                            ("2021-06", 0.55, 40_000_000, None)]),
    "SC23": ("2021-03-08", [("2021-04", 0.10, 60_000_000, None),
                            ("2021-06", 0.30, 50_000_000, "lelang pengadaan ulang")]),
    "SC24": ("2021-03-01", [("2021-04", 0.15, 50_000_000, None),
                            ("2021-06", 0.45, 90_000_000, None)]),
    "SC31": ("2021-04-01", [("2021-06", 0.08, 40_000_000, None)]),
    "SC38": ("2021-05-03", [("2021-06", 0.30, 80_000_000, None)]),
}
# fmt: on
# SC27 (Mal Pelayanan Publik) should have started on 1 June 2021 and has not: its
# procurement failed, so it shows as a late start.


def build_status() -> rm.Roadmap:
    """The roadmap as monitored on 30 June 2021 (illustrative).

    A baseline taken when the master plan was adopted, actual dates and costs, and the
    monthly realisation records.
    """
    from roadmap.tracking import make_baseline, with_baseline

    plan = build()
    baseline = make_baseline(plan, "Masterplan 2019", taken=date(2019, 1, 15))
    done = {id: (start, finish, cost) for id, start, finish, cost in FINISHED}
    initiatives = []
    for item in plan.initiatives:
        if item.id in done:
            start, finish, cost = done[item.id]
            item = attrs.evolve(item, actual_start=start, actual_finish=finish,
                                actual_cost=cost, status="done")  # fmt: skip
        elif item.id in STARTED:
            item = attrs.evolve(item, actual_start=STARTED[item.id][0], status="berjalan")
        initiatives.append(item)
    milestones = [
        attrs.evolve(m, actual_finish=date(2020, 10, 30), status="done") if m.id == "M1" else m
        for m in plan.milestones
    ]
    records = [
        rm.Realisation(item=id, month=month, progress=progress, spent=spent, note=note)
        for id, (_, months) in STARTED.items()
        for month, progress, spent, note in months
    ]
    tracked = attrs.evolve(
        plan, name=f"{plan.name} - status 30 Juni 2021", status_date=STATUS_DATE,
        initiatives=initiatives, milestones=milestones, realisation=records,
    )  # fmt: skip
    return with_baseline(tracked, baseline)


def build() -> rm.Roadmap:
    """The roadmap, as a planner would write it with the API."""
    initiatives = [
        rm.Initiative(
            id=id,
            name=name,
            phase=phase,
            dimension=dimension,
            owner=owner,
            start=f"{start}-01",
            duration=f"{months} months",
            depends_on=depends_on,
            budget=budget,
            funding=funding,
            tags=[layer],
            description=description,
            duration_range=RANGES[layer],
            cost_range=COST_RANGE,
            programme=PROGRAMME_OF.get(id),
            quick_win=id in QUICK_WINS,
        )
        for (
            id,
            name,
            phase,
            dimension,
            owner,
            start,
            months,
            depends_on,
            budget,
            funding,
            layer,
            description,
        ) in INITIATIVES
    ]
    return rm.Roadmap(
        name="Peta Jalan Smart City Kota Tanjungpinang 2019-2023",
        start=date(2019, 1, 1),
        end=date(2023, 12, 31),
        language="id",
        phase_start="constrain",  # an item added without a start month waits for its phase
        ceilings=CEILINGS,
        phases=PHASES,
        initiatives=initiatives,
        milestones=MILESTONES,
        risks=RISKS,
        correlations=CORRELATIONS,
        programmes=PROGRAMMES,
        indicators=INDICATORS,
    )


def main(out: Path) -> int:
    plan = build()
    out.mkdir(parents=True, exist_ok=True)
    report = rm.check(plan, language="id")
    schedule = rm.schedule(plan)
    budget = rm.budget_by(plan, "year")

    subtitle = "Bappelitbang Kota Tanjungpinang (data ilustratif)"
    source = (
        "ilustrasi; nama kegiatan dan perangkat daerah dari pemberitaan publik, "
        "anggaran, durasi dan ketergantungan rekaan"
    )
    for name in ("gantt.pdf", "gantt.png"):
        rm.save_gantt(plan, out / name, paper="A3", subtitle=subtitle, source=source)

    save_figure(budget_figure(plan), out / "budget.png")  # written atomically
    save_figure(s_curve_figure(plan), out / "kurva_s.png")
    rm.report(plan, subtitle=subtitle).save(out / "laporan.html")
    # The Renstra table of the programme tree, laid out for A3 print (issue 16).
    from roadmap.export.planning import planning_xlsx, renstra_table

    atomic_write(out / "renstra.xlsx", planning_xlsx(renstra_table(plan)))

    # Leveling: the 2020 budget is above its ceiling; move items later, as little as the
    # ceilings of every year allow, and keep the TOML plan's comments (only dates change).
    leveled = rm.level(plan, method="heuristic", seed=2019)
    if leveled.plan is not None:
        save_starts(leveled.plan, Path(__file__).with_suffix(".toml"), out / "rencana_level.toml")
        save_figure(level_figure(leveled), out / "anggaran_level.png")
        atomic_write(out / "pemerataan.md",
                     level_markdown(leveled, plan.name).encode("utf-8"))  # fmt: skip

    # Risk: 10,000 Monte Carlo samples of the ranges and the risk register (illustrative).
    risk = rm.simulate(plan, 10_000, seed=2019)
    atomic_write(out / "risiko.md", risk_markdown(risk).encode("utf-8"))
    save_figure(risk_figure(risk, "finish"), out / "risiko_selesai.png")
    save_figure(risk_figure(risk, "drivers"), out / "risiko_pendorong.png")
    save_figure(risk_figure(risk, "spend"), out / "risiko_belanja.png")

    # The living roadmap: the status at 30 June 2021 against the 2019 baseline.
    tracked = build_status()
    status = rm.status(tracked)
    atomic_write(out / "status.md", status_markdown(status).encode("utf-8"))
    rm.save_gantt(rm.forecast(tracked), out / "gantt_status.png", paper="A3",
                  subtitle=subtitle, source=source, status_date=STATUS_DATE,
                  baseline=tracked.baselines[0])  # fmt: skip
    save_figure(slip_figure(rm.milestone_slip(tracked)), out / "tonggak.png")
    rm.report(tracked, subtitle=subtitle).save(out / "laporan_status.html")

    atomic_write(out / "temuan.md", report.to_markdown().encode("utf-8"))
    atomic_write(out / "jadwal.csv", schedule_csv(schedule, dialect="id").encode("utf-8"))

    over = [r for r in budget.records() if r["over"]]
    print(f"{plan.name}")
    print(
        f"  {len(plan.initiatives)} kegiatan, {len(plan.milestones)} tonggak, "
        f"{schedule.start:%d-%m-%Y} s.d. {schedule.finish:%d-%m-%Y}"
    )
    print(f"  jalur kritis: {' -> '.join(schedule.critical_path)}")
    print(
        f"  anggaran: {rm.format_money(budget.total, words=True)}; "
        + (
            ", ".join(
                f"{r['year']} melebihi pagu {rm.format_money(r['over'], words=True)}" for r in over
            )
            or "semua tahun dalam pagu"
        )
    )
    print(
        f"  temuan: {len(report.errors)} kesalahan, {len(report.warnings)} peringatan, "
        f"{len(report.infos)} catatan"
    )
    if leveled.plan is not None:
        print(
            f"  pemerataan: {len(leveled.moves)} kegiatan digeser ("
            + ", ".join(f"{m.id} {m.days:+d} hari" for m in leveled.moves)
            + f"); selesai {leveled.finish_after:%d-%m-%Y}; semua tahun dalam pagu"
        )
    print(
        f"  risiko ({risk.samples:,} sampel): P50 {risk.finish['p50']:%d-%m-%Y}, P80 "
        f"{risk.finish['p80']:%d-%m-%Y}; rencana = P{risk.deterministic_percentile:.0f}; "
        f"peluang selesai s.d. 31-12-2023: {risk.probability_by(date(2023, 12, 31)):.0%}"
    )
    print(
        f"  status 30 Juni 2021: SPI {status.earned_value.spi:.2f}, CPI "
        f"{status.earned_value.cpi:.2f}, selesai {status.forecast_finish:%d-%m-%Y} "
        f"({status.finish_variance_days:+d} hari)"
    )
    print(
        f"  berkas: {out}/ (gantt.pdf, gantt.png, budget.png, kurva_s.png, laporan.html, "
        "temuan.md, jadwal.csv, renstra.xlsx, rencana_level.toml, anggaran_level.png, "
        "pemerataan.md, "
        "risiko.md, risiko_selesai.png, risiko_pendorong.png, "
        "risiko_belanja.png, status.md, gantt_status.png, tonggak.png, laporan_status.html)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out")))
