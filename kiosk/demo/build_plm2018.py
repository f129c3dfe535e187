#!/usr/bin/env python3
"""Build the demo event folder kiosk/demo/plm2018/ (PLM Nasional PerpuSeru 2018).

Run from the repository root, with no arguments:

    python kiosk/demo/build_plm2018.py

It writes event.toml, institutions.csv, attendees.csv, sessions.csv, assignments.csv, stalls.csv,
products.csv, awards.toml and README.md.
Standard library only.
Every random choice comes from one random.Random(2018), drawn in a fixed order, so each run
writes byte-identical files. Edit this script, never its output.

Facts taken from the article about the event (seed/PLM2018.md) are marked "article" below;
everything else (rooms, directions, most institution names, every person, hotel rooms, the
programme, class assignments, shuttle times, the stalls and their products, the award nominees
other than the winners, the presenters) is invented.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

SEED = 2018
OUT_DIR = Path(__file__).resolve().parent / "plm2018"
SCRIPT = "kiosk/demo/build_plm2018.py"

# =============================================================================================
# Event and venues (article: the four venues and what happens in each; the rest is invented)
# =============================================================================================

EVENT = {
    "slug": "plm2018",
    "name": "PLM Nasional PerpuSeru 2018",
    "name_en": "PerpuSeru National Peer Learning Meeting 2018",
    "time_zone": "Asia/Jakarta",
    "days": ["2018-07-05", "2018-07-06"],
    "languages": ["id", "en"],
}

# Each room: code, name, floor, capacity, note (a comment in event.toml only), directions (id, en).
# The Eastparc class rooms (note "sharing class") seat 1,100 together: each class slot holds half of
# the ~1,900 regency/city and village/TBM participants (see the programme below), with room to spare.
# The back-office rooms (BACK_OFFICE_ROOMS) get `public = false`: the directory and the venue guide
# leave them out; the people assigned there still see them in their own day.
VENUES = [
    {
        "code": "sheraton",
        "name": "Hotel Sheraton Mustika Yogyakarta",
        "address": "Jl. Laksda Adisucipto Km 8.7, Yogyakarta",
        "role": "Registrasi dan koordinasi (registration and coordination)",
        "rooms": [
            ("sheraton-lobby", "Lobi Registrasi", "1", 300,
             "registration desks and badge printing",
             "Masuk dari pintu utama; meja registrasi ada di sisi kanan lobi, di seberang lift.",
             "Come in through the main doors; the registration desks are on the right side of the lobby, "
             "opposite the lifts."),
            ("sheraton-ballroom", "Ballroom Mustika", "1", 800,
             "large hall for the opening briefing",
             "Dari lobi, belok kiri melewati kolam renang.",
             "From the lobby, turn left past the pool."),
            ("sheraton-kalasan", "Ruang Kalasan", "2", 60,
             "coordination meetings of the delegation leaders",
             "Naik lift ke lantai 2, keluar lift belok kanan; ruangan kedua di sebelah kiri.",
             "Take the lift to floor 2 and turn right; it is the second room on the left."),
            ("sheraton-sambisari", "Ruang Sambisari", "2", 30,
             "small coordination room",
             "Lantai 2, di ujung lorong setelah Ruang Kalasan, di seberang toilet.",
             "Floor 2, at the end of the corridor past Ruang Kalasan, across from the toilets."),
            ("sheraton-sekretariat", "Sekretariat Panitia", "LG", 25,
             "organising committee office",
             "Turun tangga di samping meja concierge ke lantai LG; pintu pertama di sebelah kanan.",
             "Take the stairs beside the concierge desk down to LG; it is the first door on the right."),
        ],
    },
    {
        "code": "royal-ambarukmo",
        "name": "Hotel Royal Ambarukmo",
        "address": "Jl. Laksda Adisucipto No. 81, Yogyakarta",
        "role": "Pleno (plenary)",
        "rooms": [
            ("royal-ambarukmo-lobby", "Lobi Utama", "1", 250,
             "arrival from the shuttle; information desk",
             "Shuttle berhenti di pintu depan; meja informasi ada di sebelah kiri pintu putar.",
             "The shuttle stops at the front entrance; the information desk is to the left of the "
             "revolving door."),
            ("royal-ambarukmo-ballroom", "Ballroom Sekar Kedaton", "1", 2000,
             "plenary hall",
             "Dari lobi utama, jalan lurus menyusuri koridor galeri batik sampai pintu besar berukir "
             "di ujungnya.",
             "From the main lobby, walk straight down the batik gallery corridor to the large carved "
             "doors at the end."),
            ("royal-ambarukmo-pendopo", "Pendopo Agung", "1", 600,
             "open pavilion in the garden; gala dinner",
             "Keluar lewat pintu samping lobi menuju taman; pendopo berdiri di tengah halaman, di depan "
             "bangunan keraton lama.",
             "Leave the lobby by the side door into the garden; the pendopo stands in the middle of the "
             "courtyard, in front of the old palace building."),
            ("royal-ambarukmo-vip", "Ruang Transit VIP Sekar Arum", "2", 40,
             "VIP holding room",
             "Naik lift tamu di sebelah kanan lobi ke lantai 2; ruangan pertama setelah keluar lift, "
             "dijaga petugas protokol.",
             "Take the guest lift on the right of the lobby to floor 2; it is the first room out of the "
             "lift, where the protocol officers wait."),
            ("royal-ambarukmo-pers", "Ruang Pers Gandok", "1", 40,
             "press room",
             "Di sayap kiri ballroom; masuk lewat pintu kecil di samping meja registrasi pleno.",
             "In the left wing of the ballroom; go in through the small door beside the plenary "
             "registration desk."),
        ],
    },
    {
        "code": "eastparc",
        "name": "Hotel Eastparc",
        "address": "Jl. Laksda Adisucipto Km 6.5, Seturan, Yogyakarta",
        "role": "Kelas berbagi (sharing classes)",
        "rooms": [
            ("eastparc-lobby", "Lobi Eastparc", "1", 150,
             "timetable board for the sharing classes",
             "Pintu masuk utama dari area turun penumpang; papan jadwal kelas ada di samping resepsionis.",
             "Main entrance from the drop-off area; the class timetable board is beside reception."),
            ("eastparc-borobudur", "Ruang Borobudur", "1", 200,
             "sharing class",
             "Dari lobi, belok kanan menyusuri lorong kaca; pintu ganda pertama.",
             "From the lobby, turn right along the glass corridor; it is the first pair of double doors."),
            ("eastparc-prambanan", "Ruang Prambanan", "1", 200,
             "sharing class",
             "Dari lobi, belok kanan; setelah Ruang Borobudur, di sebelah kiri.",
             "From the lobby, turn right; it is past Ruang Borobudur, on the left."),
            ("eastparc-mendut", "Ruang Mendut", "2", 100,
             "sharing class",
             "Naik tangga lebar di samping resepsionis ke lantai 2; ruangan di sebelah kiri tangga.",
             "Take the wide stairs beside reception up to floor 2; the room is to the left of the stairs."),
            ("eastparc-pawon", "Ruang Pawon", "2", 80,
             "sharing class",
             "Lantai 2, di sebelah Ruang Mendut, menghadap taman bermain anak.",
             "Floor 2, next to Ruang Mendut, overlooking the children's playground."),
            ("eastparc-plaosan", "Ruang Plaosan", "2", 100,
             "sharing class",
             "Lantai 2, ikuti lorong ke kanan sampai ujung; pintu di sebelah kanan.",
             "Floor 2, follow the corridor to the right to its end; the door is on your right."),
            ("eastparc-sewu", "Ruang Sewu", "3", 150,
             "sharing class",
             "Naik lift ke lantai 3, keluar lift belok kiri; ruangan besar tepat di depan.",
             "Take the lift to floor 3 and turn left; the large room is straight ahead."),
            ("eastparc-ratu-boko", "Ruang Ratu Boko", "3", 80,
             "sharing class",
             "Lantai 3, lorong di sebelah kanan lift, pintu kedua.",
             "Floor 3, the corridor to the right of the lift, second door."),
            ("eastparc-sari", "Ruang Sari", "3", 70,
             "sharing class",
             "Lantai 3, di ujung lorong kanan, dekat jendela yang menghadap Gunung Merapi.",
             "Floor 3, at the end of the right-hand corridor, by the window facing Mount Merapi."),
            ("eastparc-ijo", "Ruang Ijo", "LG", 60,
             "sharing class",
             "Turun tangga di belakang resepsionis ke lantai LG; ruangan pertama di sebelah kiri.",
             "Take the stairs behind reception down to LG; it is the first room on the left."),
            ("eastparc-banyunibo", "Ruang Banyunibo", "LG", 60,
             "sharing class",
             "Lantai LG, melewati Ruang Ijo, di sebelah pintu menuju kolam renang.",
             "LG floor, past Ruang Ijo, next to the door out to the pool."),
        ],
    },
    {
        "code": "ambarukmo-plaza",
        "name": "Ambarukmo Plaza",
        "address": "Jl. Laksda Adisucipto, Caturtunggal, Sleman, Yogyakarta",
        "role": "Lapak: menata dan berjualan produk perpustakaan (the stalls)",
        "rooms": [
            ("ambarukmo-plaza-atrium", "Atrium Utama", "1", 500,
             "main row of stalls",
             "Masuk dari pintu utama di sisi Jalan Adisucipto; atrium tepat di depan, di bawah kubah kaca.",
             "Come in through the main doors on the Jalan Adisucipto side; the atrium is straight ahead, "
             "under the glass dome."),
            ("ambarukmo-plaza-atrium-timur", "Atrium Timur", "LG", 250,
             "second row of stalls",
             "Dari Atrium Utama, turun eskalator ke lantai LG lalu berjalan ke timur, ke arah supermarket.",
             "From the main atrium, take the escalator down to LG and walk east, towards the supermarket."),
            ("ambarukmo-plaza-hall", "Hall Pameran", "3", 400,
             "exhibition hall: product displays and the best-stall judging",
             "Naik eskalator di sisi atrium sampai lantai 3; hall pameran di sebelah kanan, dekat bioskop.",
             "Take the escalators beside the atrium up to floor 3; the exhibition hall is on the right, "
             "near the cinema."),
            ("ambarukmo-plaza-bongkar-muat", "Area Bongkar Muat Lapak", "LG", 60,
             "loading bay for setting up the stalls",
             "Lewat pintu servis di sisi selatan gedung, di samping parkir motor; tunjukkan kartu "
             "peserta kepada satpam.",
             "Use the service entrance on the south side of the building, next to the motorcycle park; "
             "show your participant card to the security guard."),
        ],
    },
]

# Rooms for the organisers and the sellers only: the secretariat and the stalls' loading bay.
BACK_OFFICE_ROOMS = {"sheraton-sekretariat", "ambarukmo-plaza-bongkar-muat"}

# =============================================================================================
# Provinces and regencies/cities (real place names; which of them attended is invented)
# =============================================================================================

PROVINCIAL_PREFIX = "Dinas Perpustakaan dan Kearsipan"  # + " Provinsi X" / " Kabupaten X" / " Kota X"

# Each province: label (as written in names), person-name styles with weights, the village-name
# style, the word for a village ("Desa", "Gampong", "Nagari") in regencies and in cities, and its
# regencies/cities, each with a few of its real kecamatan (districts).
PROVINCES = [
    {
        "label": "Provinsi Aceh", "people": {"aceh": 9, "jawa": 1}, "desa": "aceh",
        "village_word": "Gampong", "city_word": "Gampong",
        "regencies": [
            ("Kabupaten Aceh Besar", ["Darussalam", "Ingin Jaya", "Kuta Baro", "Montasik", "Lhoknga"]),
            ("Kabupaten Pidie", ["Kota Sigli", "Indrajaya", "Padang Tiji", "Delima"]),
            ("Kabupaten Aceh Utara", ["Lhoksukon", "Baktiya", "Tanah Jambo Aye", "Samudera"]),
            ("Kota Banda Aceh", ["Baiturrahman", "Kuta Alam", "Syiah Kuala", "Meuraxa"]),
        ],
    },
    {
        "label": "Provinsi Sumatera Utara", "people": {"batak": 13, "melayu": 4, "jawa": 3}, "desa": "sumut",
        "regencies": [
            ("Kabupaten Deli Serdang", ["Lubuk Pakam", "Percut Sei Tuan", "Tanjung Morawa", "Sunggal"]),
            ("Kabupaten Toba Samosir", ["Balige", "Laguboti", "Porsea", "Silaen"]),
            ("Kabupaten Simalungun", ["Raya", "Tanah Jawa", "Siantar", "Girsang Sipangan Bolon"]),
            ("Kabupaten Tapanuli Utara", ["Tarutung", "Siborongborong", "Muara", "Sipoholon"]),
            ("Kota Medan", ["Medan Johor", "Medan Tembung", "Medan Helvetia", "Medan Marelan"]),
            ("Kota Pematangsiantar", ["Siantar Barat", "Siantar Timur", "Siantar Marihat"]),
        ],
    },
    {
        "label": "Provinsi Sumatera Barat", "people": {"minang": 9, "melayu": 1}, "desa": "minang",
        "village_word": "Nagari",
        "regencies": [
            ("Kabupaten Agam", ["Lubuk Basung", "Tanjung Raya", "Baso", "IV Koto"]),
            ("Kabupaten Tanah Datar", ["Batipuh", "Lima Kaum", "Pariangan", "Rambatan"]),
            ("Kabupaten Padang Pariaman", ["Nan Sabaris", "VII Koto Sungai Sarik", "Sintuk Toboh Gadang",
                                           "Ulakan Tapakis"]),
            ("Kabupaten Lima Puluh Kota", ["Harau", "Guguak", "Payakumbuh", "Luak"]),
            ("Kota Bukittinggi", ["Guguk Panjang", "Mandiangin Koto Selayan", "Aur Birugo Tigo Baleh"]),
        ],
    },
    {
        "label": "Provinsi Jambi", "people": {"melayu": 6, "jawa": 3, "minang": 1}, "desa": "melayu",
        "regencies": [
            ("Kabupaten Muaro Jambi", ["Sekernan", "Jambi Luar Kota", "Maro Sebo", "Sungai Bahar"]),
            ("Kabupaten Kerinci", ["Gunung Kerinci", "Kayu Aro", "Danau Kerinci", "Siulak"]),
            ("Kabupaten Batang Hari", ["Muara Bulian", "Pemayung", "Muara Tembesi", "Bajubang"]),
            ("Kota Jambi", ["Telanaipura", "Jelutung", "Kotabaru", "Pasar Jambi"]),
        ],
    },
    {
        "label": "Provinsi Sumatera Selatan", "people": {"melayu": 7, "jawa": 3}, "desa": "melayu",
        "regencies": [
            ("Kabupaten Ogan Komering Ilir", ["Pedamaran", "Tulung Selapan", "Pampangan", "Lempuing"]),
            ("Kabupaten Musi Banyuasin", ["Sekayu", "Babat Toman", "Sungai Lilin", "Lais"]),
            ("Kabupaten Banyuasin", ["Banyuasin III", "Talang Kelapa", "Rambutan", "Betung"]),
            ("Kabupaten Ogan Komering Ulu Timur", ["Martapura", "Belitang", "Buay Madang",
                                                   "Semendawai Suku III"]),
            ("Kota Palembang", ["Ilir Timur I", "Seberang Ulu I", "Sukarami", "Kemuning"]),
        ],
    },
    {
        "label": "Provinsi Lampung", "people": {"jawa": 5, "melayu": 3, "sunda": 2}, "desa": "lampung",
        "regencies": [
            ("Kabupaten Lampung Selatan", ["Kalianda", "Natar", "Jati Agung", "Sidomulyo"]),
            ("Kabupaten Lampung Tengah", ["Gunung Sugih", "Terbanggi Besar", "Trimurjo", "Punggur"]),
            ("Kabupaten Pringsewu", ["Pringsewu", "Gadingrejo", "Pagelaran", "Sukoharjo"]),
            ("Kabupaten Tanggamus", ["Kota Agung", "Talang Padang", "Pulau Panggung", "Gisting"]),
            ("Kabupaten Pesawaran", ["Gedong Tataan", "Negeri Katon", "Way Lima", "Kedondong"]),
            ("Kota Metro", ["Metro Pusat", "Metro Barat", "Metro Timur", "Metro Utara"]),
        ],
    },
    {
        "label": "Provinsi Jawa Barat", "people": {"sunda": 9, "jawa": 1}, "desa": "sunda",
        "regencies": [
            ("Kabupaten Bandung", ["Soreang", "Ciwidey", "Pangalengan", "Banjaran", "Cileunyi"]),
            ("Kabupaten Garut", ["Tarogong Kidul", "Leles", "Cikajang", "Bayongbong", "Samarang"]),
            ("Kabupaten Tasikmalaya", ["Singaparna", "Manonjaya", "Cisayong", "Salawu"]),
            ("Kabupaten Sumedang", ["Jatinangor", "Tanjungsari", "Cimalaka", "Darmaraja"]),
            ("Kabupaten Kuningan", ["Cilimus", "Jalaksana", "Cigugur", "Luragung"]),
            ("Kabupaten Cianjur", ["Cipanas", "Pacet", "Sukaresmi", "Cibeber", "Warungkondang"]),
            ("Kabupaten Bogor", ["Cibinong", "Ciawi", "Leuwiliang", "Dramaga", "Jonggol"]),
            ("Kota Bandung", ["Coblong", "Sukajadi", "Cicendo", "Antapani"]),
            ("Kota Cirebon", ["Kejaksan", "Lemahwungkuk", "Harjamukti", "Pekalipan"]),
        ],
    },
    {
        "label": "Provinsi Jawa Tengah", "people": {"jawa": 19, "melayu": 1}, "desa": "jawa",
        "regencies": [
            ("Kabupaten Banyumas", ["Baturraden", "Sokaraja", "Ajibarang", "Kembaran", "Wangon"]),
            ("Kabupaten Purbalingga", ["Bobotsari", "Karangreja", "Bukateja", "Kutasari"]),
            ("Kabupaten Kebumen", ["Gombong", "Petanahan", "Prembun", "Sruweng"]),
            ("Kabupaten Wonosobo", ["Kertek", "Garung", "Kejajar", "Leksono", "Sapuran"]),
            ("Kabupaten Magelang", ["Mungkid", "Borobudur", "Muntilan", "Grabag", "Tegalrejo"]),
            ("Kabupaten Boyolali", ["Ampel", "Cepogo", "Selo", "Mojosongo", "Banyudono"]),
            ("Kabupaten Klaten", ["Jatinom", "Trucuk", "Cawas", "Delanggu", "Wedi"]),
            ("Kabupaten Sukoharjo", ["Kartasura", "Grogol", "Baki", "Nguter", "Weru"]),
            ("Kabupaten Wonogiri", ["Pracimantoro", "Baturetno", "Eromoko", "Giritontro", "Jatisrono"]),
            ("Kabupaten Karanganyar", ["Tawangmangu", "Jumapolo", "Matesih", "Karangpandan", "Jaten"]),
            ("Kabupaten Sragen", ["Gemolong", "Sumberlawang", "Masaran", "Sambungmacan", "Tanon"]),
            ("Kabupaten Pemalang", ["Comal", "Randudongkal", "Moga", "Belik", "Taman"]),
            ("Kota Semarang", ["Banyumanik", "Gunungpati", "Tembalang", "Mijen"]),
        ],
    },
    {
        "label": "Daerah Istimewa Yogyakarta", "people": {"jawa": 19, "melayu": 1}, "desa": "jawa",
        "regencies": [
            ("Kabupaten Gunungkidul", ["Wonosari", "Karangmojo", "Playen", "Semanu", "Nglipar"]),
            ("Kabupaten Sleman", ["Ngaglik", "Kalasan", "Pakem", "Godean", "Cangkringan"]),
            ("Kabupaten Bantul", ["Sewon", "Imogiri", "Pajangan", "Pandak", "Dlingo"]),
            ("Kabupaten Kulon Progo", ["Pengasih", "Sentolo", "Nanggulan", "Kalibawang", "Samigaluh"]),
            ("Kota Yogyakarta", ["Kotagede", "Umbulharjo", "Mergangsan", "Gondokusuman", "Tegalrejo"]),
        ],
    },
    {
        "label": "Provinsi Jawa Timur", "people": {"jawa": 19, "melayu": 1}, "desa": "jawa",
        "regencies": [
            ("Kabupaten Malang", ["Pakis", "Dau", "Tumpang", "Singosari", "Poncokusumo"]),
            ("Kabupaten Blitar", ["Wlingi", "Kanigoro", "Kesamben", "Talun"]),
            ("Kabupaten Kediri", ["Pare", "Ngadiluwih", "Kandangan", "Wates", "Gurah"]),
            ("Kabupaten Tulungagung", ["Campurdarat", "Ngunut", "Kauman", "Boyolangu", "Sumbergempol"]),
            ("Kabupaten Trenggalek", ["Watulimo", "Panggul", "Karangan", "Pogalan", "Durenan"]),
            ("Kabupaten Pacitan", ["Arjosari", "Donorojo", "Punung", "Tulakan", "Nawangan"]),
            ("Kabupaten Ponorogo", ["Slahung", "Sawoo", "Jetis", "Balong", "Sambit"]),
            ("Kabupaten Lumajang", ["Tempeh", "Senduro", "Pasirian", "Yosowilangun"]),
            ("Kabupaten Jember", ["Ambulu", "Balung", "Kalisat", "Sukowono", "Tanggul"]),
            ("Kabupaten Banyuwangi", ["Genteng", "Rogojampi", "Glenmore", "Srono", "Songgon"]),
            ("Kabupaten Bojonegoro", ["Kalitidu", "Dander", "Kapas", "Padangan", "Sumberrejo"]),
            ("Kabupaten Lamongan", ["Paciran", "Babat", "Brondong", "Sukodadi", "Turi"]),
            ("Kota Surabaya", ["Wonokromo", "Rungkut", "Tambaksari", "Sukolilo"]),
        ],
    },
    {
        "label": "Provinsi Bali", "people": {"bali": 9, "jawa": 1}, "desa": "bali",
        "regencies": [
            ("Kabupaten Badung", ["Mengwi", "Abiansemal", "Petang", "Kuta Utara"]),
            ("Kabupaten Gianyar", ["Ubud", "Sukawati", "Tegallalang", "Payangan", "Tampaksiring"]),
            ("Kabupaten Tabanan", ["Marga", "Penebel", "Baturiti", "Kerambitan"]),
            ("Kabupaten Buleleng", ["Seririt", "Sawan", "Banjar", "Sukasada", "Gerokgak"]),
            ("Kota Denpasar", ["Denpasar Selatan", "Denpasar Timur", "Denpasar Barat", "Denpasar Utara"]),
        ],
    },
    {
        "label": "Provinsi Nusa Tenggara Barat", "people": {"sasak": 17, "bali": 2, "melayu": 1},
        "desa": "sasak",
        "regencies": [
            ("Kabupaten Lombok Barat", ["Gerung", "Narmada", "Lingsar", "Gunungsari", "Labuapi"]),
            ("Kabupaten Lombok Tengah", ["Praya", "Jonggat", "Pujut", "Kopang", "Batukliang"]),
            ("Kabupaten Lombok Timur", ["Selong", "Masbagik", "Aikmel", "Sakra", "Pringgabaya"]),
            ("Kabupaten Sumbawa", ["Moyo Hilir", "Alas", "Utan", "Empang", "Lunyuk"]),
            ("Kota Mataram", ["Ampenan", "Cakranegara", "Sekarbela", "Selaparang"]),
        ],
    },
    {
        "label": "Provinsi Nusa Tenggara Timur", "people": {"ntt": 9, "melayu": 1}, "desa": "ntt",
        "regencies": [
            ("Kabupaten Kupang", ["Kupang Tengah", "Kupang Timur", "Amarasi", "Fatuleu", "Nekamese"]),
            ("Kabupaten Timor Tengah Selatan", ["Mollo Utara", "Amanuban Selatan", "Kota Soe",
                                                "Amanatun Utara"]),
            ("Kabupaten Sikka", ["Alok", "Kewapante", "Nita", "Paga", "Talibura"]),
            ("Kabupaten Manggarai Barat", ["Komodo", "Lembor", "Kuwus", "Sano Nggoang"]),
            ("Kota Kupang", ["Oebobo", "Kelapa Lima", "Maulafa", "Alak"]),
        ],
    },
    {
        "label": "Provinsi Kalimantan Barat", "people": {"melayu": 7, "jawa": 3}, "desa": "kalimantan",
        "regencies": [
            ("Kabupaten Kubu Raya", ["Sungai Raya", "Sungai Ambawang", "Rasau Jaya", "Sungai Kakap"]),
            ("Kabupaten Sanggau", ["Kapuas", "Parindu", "Tayan Hilir", "Meliau"]),
            ("Kabupaten Sambas", ["Sambas", "Tebas", "Pemangkat", "Jawai", "Teluk Keramat"]),
            ("Kota Pontianak", ["Pontianak Barat", "Pontianak Kota", "Pontianak Selatan", "Pontianak Utara"]),
        ],
    },
    {
        "label": "Provinsi Kalimantan Selatan", "people": {"melayu": 8, "jawa": 2}, "desa": "kalimantan",
        "regencies": [
            ("Kabupaten Banjar", ["Martapura", "Astambul", "Karang Intan", "Gambut", "Sungai Tabuk"]),
            ("Kabupaten Tanah Laut", ["Pelaihari", "Takisung", "Bati-Bati", "Kurau", "Jorong"]),
            ("Kabupaten Hulu Sungai Tengah", ["Barabai", "Batang Alai Selatan", "Haruyan",
                                              "Labuan Amas Selatan"]),
            ("Kota Banjarmasin", ["Banjarmasin Utara", "Banjarmasin Selatan", "Banjarmasin Timur",
                                  "Banjarmasin Barat"]),
        ],
    },
    {
        "label": "Provinsi Kalimantan Timur", "people": {"melayu": 4, "jawa": 4, "bugis": 2},
        "desa": "kalimantan",
        "regencies": [
            ("Kabupaten Kutai Kartanegara", ["Tenggarong", "Loa Kulu", "Sebulu", "Muara Badak",
                                             "Tenggarong Seberang"]),
            ("Kabupaten Paser", ["Tanah Grogot", "Long Ikis", "Kuaro", "Batu Sopang"]),
            ("Kota Samarinda", ["Samarinda Ulu", "Sungai Kunjang", "Palaran", "Loa Janan Ilir"]),
        ],
    },
    {
        "label": "Provinsi Sulawesi Selatan", "people": {"bugis": 19, "jawa": 1}, "desa": "bugis",
        "regencies": [
            ("Kabupaten Gowa", ["Somba Opu", "Pallangga", "Bontonompo", "Tinggimoncong", "Bajeng"]),
            ("Kabupaten Maros", ["Turikale", "Mandai", "Bantimurung", "Marusu", "Lau"]),
            ("Kabupaten Bone", ["Tanete Riattang", "Sibulue", "Cina", "Awangpone", "Palakka"]),
            ("Kabupaten Bantaeng", ["Bantaeng", "Bissappu", "Eremerasa", "Tompobulu", "Pa'jukukang"]),
            ("Kota Makassar", ["Tamalate", "Panakkukang", "Rappocini", "Biringkanaya", "Tallo"]),
        ],
    },
    {
        "label": "Provinsi Sulawesi Tengah", "people": {"melayu": 5, "bugis": 3, "jawa": 2}, "desa": "kaili",
        "regencies": [
            ("Kabupaten Donggala", ["Banawa", "Sindue", "Labuan", "Tanantovea", "Sirenja"]),
            ("Kabupaten Sigi", ["Dolo", "Sigi Biromaru", "Marawola", "Kulawi", "Gumbasa"]),
            ("Kota Palu", ["Palu Barat", "Palu Timur", "Tatanga", "Mantikulore"]),
        ],
    },
]

# In these regencies a village is a "pekon".
VILLAGE_WORD_OVERRIDE = {"Kabupaten Pringsewu": "Pekon", "Kabupaten Tanggamus": "Pekon"}

# =============================================================================================
# Gunungkidul and its 29 partner village libraries (article: the delegation and three names)
# =============================================================================================

GUNUNGKIDUL = "Kabupaten Gunungkidul"
GUNUNGKIDUL_CODE = "KAB-GUNUNGKIDUL"
GUNUNGKIDUL_VILLAGES = 29
GUNUNGKIDUL_NAMED = [  # (code, name): exactly as in the article
    ("DESA-KEPEK", "Perpustakaan Desa Gardu Pintar 2 Kepek, Wonosari"),
    ("DESA-BEJIHARJO", "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo"),
    ("DESA-KELOR", "Perpustakaan Desa Kelor, Karangmojo"),
]
NAMED_CODES = tuple(code for code, _ in GUNUNGKIDUL_NAMED)
# Real desa of Gunungkidul by kecamatan (the three named desa left out); the libraries are invented.
GUNUNGKIDUL_DESA = {
    "Wonosari": ["Baleharjo", "Duwet", "Gari", "Karangrejek", "Karangtengah", "Mulyosari", "Piyaman",
                 "Pulutan", "Selang", "Siraman", "Wareng", "Wunung"],
    "Karangmojo": ["Bendungan", "Gedangrejo", "Jatiayu", "Ngawis", "Ngipak", "Wiladeg"],
    "Playen": ["Banaran", "Bleberan", "Dengok", "Gading", "Getas", "Logandeng", "Ngawu", "Ngleri",
               "Ngunut", "Plembutan", "Banyusoco"],
    "Semanu": ["Candirejo", "Dadapayu", "Ngeposari", "Pacarejo", "Semanu"],
    "Nglipar": ["Katongan", "Kedungkeris", "Kedungpoh", "Natah", "Pengkol", "Pilangrejo"],
    "Patuk": ["Beji", "Bunder", "Nglanggeran", "Nglegi", "Pengkok", "Putat", "Salam", "Semoyo", "Terbah"],
    "Ponjong": ["Bedoyo", "Genjahan", "Gombang", "Kenteng", "Sawahan", "Sidorejo", "Sumbergiri",
                "Tambakromo", "Umbulrejo"],
    "Tepus": ["Giripanggung", "Purwodadi", "Sidoharjo", "Sumberwungu", "Tepus"],
    "Paliyan": ["Giring", "Grogol", "Karangduwet", "Mulusan", "Pampang", "Sodo"],
    "Semin": ["Bulurejo", "Kalitekuk", "Kemejing", "Pundungsari", "Rejosari", "Sumberejo"],
}

# =============================================================================================
# Village and TBM names (invented from common place-name patterns of each region)
# =============================================================================================

DESA_NAMES = {
    "jawa": [
        "Sidomulyo", "Sidoharjo", "Sidorejo", "Margorejo", "Margomulyo", "Karangrejo", "Karangsari",
        "Tegalrejo", "Tegalsari", "Wonorejo", "Wonokerto", "Sumberejo", "Sumbersari", "Sumberagung",
        "Girimulyo", "Banyuurip", "Tirtomulyo", "Kedungsari", "Jatisari", "Pandansari", "Kaliwungu",
        "Kalirejo", "Ngadirejo", "Bumirejo", "Sendangsari", "Sriharjo", "Srimulyo", "Candirejo",
        "Banjarsari", "Gondang", "Jatimulyo", "Kertosari", "Pucanganom", "Sambirejo", "Sukorejo",
        "Tanjungsari", "Trirenggo", "Wukirsari", "Selopamioro", "Argomulyo", "Bangunjiwo",
        "Caturharjo", "Donoharjo", "Harjobinangun", "Jogotirto", "Kebonagung", "Kemiri", "Krandegan",
        "Lerep", "Ngargoyoso", "Pagerharjo", "Plumbon", "Ringinrejo", "Sambeng", "Tlogorejo",
        "Wringinanom", "Rejosari", "Mojorejo", "Tambakrejo", "Ngadisari", "Pakisrejo", "Gedongan",
        "Jambewangi", "Purwosari",
    ],
    "sunda": [
        "Sukamaju", "Sukajaya", "Sukamulya", "Sukaresik", "Mekarsari", "Mekarjaya", "Cibodas",
        "Cihanjuang", "Cikahuripan", "Cimekar", "Jatiroke", "Cipacing", "Sindangsari", "Sindanglaya",
        "Pasirjambu", "Margamulya", "Tanjungwangi", "Sukahaji", "Cisarua", "Sirnagalih", "Rancabango",
        "Pasirwangi", "Mekarwangi", "Cipeundeuy", "Sukalaksana", "Karyamukti", "Girimekar",
        "Sukagalih", "Bojongsari", "Cikembar", "Cimanggu", "Ciherang", "Sukanagara", "Padasuka",
        "Linggarjati", "Kadugede", "Cileles", "Sukawangi", "Neglasari", "Cikoneng",
    ],
    "aceh": [
        "Lambaro Angan", "Lampeuneurut", "Lamreung", "Meunasah Baro", "Cot Keueung", "Blang Krueng",
        "Tungkop", "Lamgugob", "Lampuuk", "Blang Oi", "Meunasah Tutong", "Cot Girek", "Krueng Mane",
        "Matang Kuli", "Paya Bakong", "Teupin Raya", "Tijue", "Blang Asan", "Pulo Ie", "Lamcot",
        "Meunasah Manyang", "Siron", "Lampisang", "Mon Ikeun",
    ],
    "sumut": [
        "Lumban Julu", "Lumban Gaol", "Hutagalung", "Hutabarat", "Sigumpar", "Lumban Silintong",
        "Pardomuan", "Parsaoran", "Sitorang", "Hutatoruan", "Sijambur", "Pardede Onan", "Sibuntuon",
        "Aek Nauli", "Sipinggan", "Sosor Dolok", "Hutanamora", "Sampuran", "Lumban Dolok",
        "Bandar Setia", "Sampali", "Bangun Sari", "Tanjung Selamat", "Sei Rotan", "Kolam",
        "Pematang Johar", "Klambir Lima", "Sei Semayang", "Bandar Khalipah", "Tanjung Gusta",
    ],
    "minang": [
        "Koto Gadang", "Pandai Sikek", "Sungai Pua", "Kamang Mudiak", "Tabek Patah", "Batipuah Ateh",
        "Sumaniak", "Balimbiang", "Tanjung Alam", "Sulit Air", "Koto Tuo", "Koto Baru", "Padang Laweh",
        "Lubuak Batingkok", "Taram", "Sarilamak", "Mungka", "Situjuah Batua", "Koto Kaciak",
        "Sicincin", "Pakandangan", "Kapalo Koto", "Balai Gurah", "Biaro Gadang", "Matua Hilia",
        "Sungai Batang",
    ],
    "melayu": [
        "Sungai Gelam", "Tanjung Lebar", "Pulau Betung", "Mendalo Darat", "Muaro Sebapo",
        "Sungai Duren", "Kemingking Dalam", "Pematang Jering", "Talang Kerinci", "Pulau Kemuning",
        "Tanjung Raja", "Lubuk Lancang", "Sungai Rengit", "Teluk Gelam", "Pangkalan Lampam",
        "Sungai Pinang", "Tanjung Agung", "Talang Jaya", "Suka Damai", "Karang Endah",
        "Rantau Panjang", "Lubuk Sakti", "Sungai Baung", "Muara Kumpeh", "Senaung", "Siulak Deras",
        "Kersik Tuo", "Lempur Tengah", "Sungai Lalang", "Tanjung Beringin", "Rantau Bayur",
    ],
    "lampung": [
        "Negeri Sakti", "Bernung", "Hanura", "Way Huwi", "Sukadamai", "Karang Anyar", "Banjarrejo",
        "Tanjung Sari", "Rejo Agung", "Bumi Ratu", "Gisting Bawah", "Ambarawa", "Podosari",
        "Wonodadi", "Fajar Esuk", "Gumuk Mas", "Sinar Waya", "Margakaya", "Way Sulan", "Tataan",
        "Kurungan Nyawa", "Sumber Jaya", "Tegal Yoso", "Yukum Jaya", "Bandar Agung", "Kota Dalam",
        "Sukabanjar", "Merak Batin",
    ],
    "bali": [
        "Batuan", "Mas", "Peliatan", "Kedewatan", "Pejeng", "Taro", "Bongkasa", "Sibanggede",
        "Carangsari", "Pelaga", "Jatiluwih", "Pinge", "Sangeh", "Munduk", "Pemuteran", "Tejakula",
        "Bebetin", "Sudaji", "Panji", "Celuk", "Batubulan", "Guwang", "Kemenuh", "Lodtunduh", "Dalung",
        "Kapal", "Belayu", "Kukuh", "Beraban", "Sembung", "Bedulu", "Singapadu",
    ],
    "sasak": [
        "Sesela", "Suranadi", "Sedau", "Kuripan", "Banyumulek", "Sukarara", "Rembitan", "Kuta",
        "Mertak", "Sembalun Lawang", "Tetebatu", "Loyok", "Kotaraja", "Pringgasela", "Lenek",
        "Kembang Kerang", "Wanasaba", "Labuhan Sumbawa", "Pungka", "Semamung", "Lape",
        "Labuhan Mapin", "Lunyuk Ode", "Dasan Geria", "Gegerung", "Karang Bayan", "Penimbung",
        "Ubung", "Bonjeruk",
    ],
    "ntt": [
        "Oesao", "Noelbaki", "Baumata", "Oebelo", "Penfui Timur", "Tarus", "Camplong", "Oelnasi",
        "Nunkurus", "Fatukoa", "Kapan", "Fatumnasi", "Nulle", "Boti", "Oinlasi", "Koting", "Habi",
        "Watublapi", "Wairterang", "Nele", "Golo Mori", "Liang Ndara", "Cunca Wulang", "Wae Lolos",
        "Naioni", "Bokong", "Oenaunu", "Tesbatan",
    ],
    "kalimantan": [
        "Sungai Rengas", "Kuala Dua", "Arang Limbung", "Punggur Kecil", "Sungai Durian",
        "Semerangkai", "Entakai", "Pusat Damai", "Sungai Kelambu", "Sekura", "Jawai Laut", "Pekauman",
        "Keliling Benteng", "Tungkaran", "Mandiangin", "Sungai Alang", "Kurau Utara", "Pandahan",
        "Birayang", "Hantakan", "Benawa Tengah", "Loa Duri", "Jembayan", "Perjiwa", "Bukit Raya",
        "Muara Komam", "Batu Kajang", "Rangan", "Lok Baintan", "Tanjung Rema",
    ],
    "bugis": [
        "Borongloe", "Bontomanai", "Pattalassang", "Kanreapia", "Bontolerung", "Parangbanoa", "Bontoa",
        "Bonto Marannu", "Leang-Leang", "Samangki", "Cenrana", "Mallari", "Kading", "Ureng",
        "Pallimae", "Bonto Tangnga", "Kaloling", "Gantarangkeke", "Biangloe", "Nirannuang",
        "Moncongloe", "Toddopulia", "Bonto Jai", "Labuaja", "Mattirowalie", "Borong Rappoa",
    ],
    "kaili": [
        "Loli Tasiburi", "Wani", "Kabonga Besar", "Towale", "Lero", "Sidera", "Jono Oge", "Kalukubula",
        "Bora", "Mpanau", "Pombewe", "Lolu", "Kapiroe", "Bolapapu", "Soulowe", "Langaleso", "Pesaku",
        "Kaleke", "Toaya", "Enu", "Lende",
    ],
}

# Real kelurahan (or gampong) of each city.
CITY_KELURAHAN = {
    "Kota Banda Aceh": ["Peunayong", "Lampaseh Aceh", "Lamdingin", "Lamteh", "Punge Jurong",
                        "Ateuk Pahlawan", "Beurawe", "Lambaro Skep"],
    "Kota Medan": ["Sei Sikambing B", "Helvetia Timur", "Tembung", "Kwala Bekala", "Titi Kuning",
                   "Sidorame Barat", "Tanjung Mulia", "Pulo Brayan Darat"],
    "Kota Pematangsiantar": ["Bantan", "Martoba", "Naga Pita", "Pardomuan", "Simarito", "Tomuan", "Toba",
                             "Kahean"],
    "Kota Bukittinggi": ["Campago Ipuh", "Kayu Kubu", "Tarok Dipo", "Belakang Balok", "Garegeh", "Birugo",
                         "Pakan Kurai", "Aur Kuning"],
    "Kota Jambi": ["Kenali Besar", "Talang Banjar", "Sungai Putri", "Mayang Mangurai", "Legok", "Thehok",
                   "Pasir Putih", "Paal Merah"],
    "Kota Palembang": ["30 Ilir", "26 Ilir", "Sako", "Plaju Ulu", "Talang Betutu", "Bukit Lama",
                       "Sukabangun", "Kemang Manis"],
    "Kota Metro": ["Hadimulyo Barat", "Yosodadi", "Iringmulyo", "Ganjar Agung", "Purwosari", "Tejosari",
                   "Banjarsari", "Karangrejo"],
    "Kota Bandung": ["Dago", "Sekeloa", "Cipedes", "Pasteur", "Sukaluyu", "Antapani Kidul", "Cigadung",
                     "Cicadas"],
    "Kota Cirebon": ["Kesenden", "Pekalangan", "Kasepuhan", "Argasunya", "Kalijaga", "Larangan",
                     "Sukapura", "Pegambiran"],
    "Kota Semarang": ["Sendangmulyo", "Ngesrep", "Sekaran", "Pudak Payung", "Tandang", "Jatingaleh",
                      "Srondol Wetan", "Kedungpane"],
    "Kota Yogyakarta": ["Purbayan", "Prenggan", "Rejowinangun", "Tahunan", "Suryodiningratan", "Kricak",
                        "Terban", "Baciro"],
    "Kota Surabaya": ["Keputih", "Gebang Putih", "Kedung Baruk", "Jagir", "Ngagel Rejo", "Ploso",
                      "Tambakrejo", "Rungkut Menanggal"],
    "Kota Denpasar": ["Sesetan", "Panjer", "Sanur Kaja", "Penatih", "Dangin Puri Kangin", "Peguyangan",
                      "Padangsambian", "Tonja"],
    "Kota Mataram": ["Ampenan Utara", "Pejeruk", "Karang Pule", "Cakranegara Timur", "Dasan Agung",
                     "Monjok", "Tanjung Karang", "Pagesangan"],
    "Kota Kupang": ["Kayu Putih", "Oesapa", "Liliba", "Naikoten", "Fatululi", "Oepura", "Bakunase",
                    "Oetete"],
    "Kota Pontianak": ["Sungai Bangkong", "Tanjung Hulu", "Siantan Hulu", "Parit Tokaya",
                       "Benua Melayu Laut", "Akcaya", "Kota Baru", "Sungai Jawi"],
    "Kota Banjarmasin": ["Sungai Miai", "Kuin Utara", "Pekapuran Raya", "Kelayan Barat", "Teluk Dalam",
                         "Pemurus Baru", "Sungai Andai", "Basirih"],
    "Kota Samarinda": ["Air Hitam", "Lok Bahu", "Sidodadi", "Sungai Pinang Dalam", "Karang Asam Ulu",
                       "Bukuan", "Rapak Dalam", "Sempaja Selatan"],
    "Kota Makassar": ["Pa'baeng-Baeng", "Banta-Bantaeng", "Mangasa", "Jongaya", "Tamamaung",
                      "Paccerakkang", "Kapasa", "Tamalanrea Indah"],
    "Kota Palu": ["Talise", "Tondo", "Petobo", "Balaroa", "Duyu", "Tipo", "Lere", "Kawatuna"],
}

# A village library's own name, as in "Perpustakaan Desa Khasanah Info Bejiharjo".
LIBRARY_WORDS = (
    ["Sumber", "Mekar", "Cahaya", "Sinar", "Tunas", "Bina", "Gerbang", "Jendela", "Pelita", "Lentera",
     "Mutiara", "Griya", "Pusat", "Gema", "Pojok", "Widya", "Sekar", "Rumah"],
    ["Ilmu", "Pustaka", "Aksara", "Cendekia", "Pintar", "Harapan", "Mandiri", "Sejahtera", "Literasi",
     "Insani", "Budaya", "Karya", "Wawasan", "Informasi", "Kreasi", "Bestari"],
)

# TBM (taman bacaan masyarakat) names: two words, sometimes a third.
TBM_WORDS = (
    ["Cahaya", "Pelangi", "Mutiara", "Bintang", "Sinar", "Lentera", "Pena", "Jendela", "Rumah", "Pondok",
     "Kuncup", "Tunas", "Bina", "Gema", "Sanggar", "Kampung", "Taman", "Cakrawala", "Sahabat", "Gubuk",
     "Serambi"],
    ["Ilmu", "Aksara", "Pustaka", "Baca", "Cendekia", "Literasi", "Harapan", "Bangsa", "Kasih",
     "Mandiri", "Ceria", "Pintar", "Kata", "Kreatif", "Bestari", "Insani", "Hati", "Pagi", "Impian",
     "Cita", "Bahari", "Buku"],
    ["Nusantara", "Mandiri", "Sejahtera", "Bersatu", "Lestari", "Berseri"],
)

# TBM names in the region's own language, each used once.
TBM_LOCAL = {
    "jawa": ["Omah Buku", "Guyub Rukun", "Sekar Jagad", "Ngudi Kawruh", "Among Putro", "Gemah Ripah",
             "Sinau Bareng", "Tepo Seliro", "Rukun Santoso", "Sumunar"],
    "sunda": ["Saung Baca", "Someah", "Sauyunan", "Rancage", "Gentra Pustaka", "Bale Rancage"],
    "aceh": ["Rumoh Baca", "Meunasah Ilmu", "Jeumpa Pustaka", "Seulanga"],
    "sumut": ["Sopo Baca", "Horas Pustaka", "Dalihan Na Tolu", "Sada Roha"],
    "minang": ["Surau Baca", "Rangkiang Ilmu", "Lapau Literasi", "Saiyo Sakato"],
    "melayu": ["Lancang Kuning", "Tanjak Pustaka", "Sri Menanti", "Serumpun"],
    "lampung": ["Sai Bumi", "Nuwo Baca", "Sang Bumi Ruwa Jurai", "Sebiduk Sehaluan"],
    "bali": ["Bale Baca", "Taman Sari Aksara", "Saraswati", "Tri Hita Karana"],
    "sasak": ["Berugaq Baca", "Bale Literasi", "Gumi Paer"],
    "ntt": ["Lopo Baca", "Flobamora", "Sasando Pustaka"],
    "kalimantan": ["Lamin Baca", "Betang Pustaka", "Lanting Ilmu", "Banua Literasi"],
    "bugis": ["Lontara", "Sipakatau", "Siri' na Pacce", "Sipakainge", "Pinisi Pustaka"],
    "kaili": ["Nosarara", "Nosabatutu", "Tadulako Pustaka"],
}

# Religious-school style TBM names (with apostrophes), used in mostly Muslim regions.
TBM_ISLAMIC = ["Al-Ma'arif", "Nurul Qur'an", "Baitul Ma'mur", "Al-Mu'awanah", "Darul Ma'wa"]
ISLAMIC_DESA_STYLES = ("jawa", "sunda", "aceh", "minang", "melayu", "lampung", "sasak", "bugis",
                       "kalimantan", "kaili")

MAX_INSTITUTION_NAME = 72

# =============================================================================================
# Person names (invented combinations of common names of each region)
# =============================================================================================

NAME_STYLES = {
    "jawa": {
        "M": ["Agus", "Bambang", "Budi", "Joko", "Slamet", "Sugeng", "Heru", "Hadi", "Eko", "Bayu", "Dimas",
              "Yoga", "Wahyu", "Teguh", "Aris", "Danang", "Gatot", "Rudi", "Setyo", "Catur", "Anang",
              "Dwi", "Tri", "Ari", "Fajar", "Galih", "Hendro", "Kusno", "Nanang", "Sigit", "Wawan", "Yudi",
              "Edi", "Bagus", "Yusuf", "Arif", "Wisnu"],
        "F": ["Sri", "Endang", "Siti", "Dwi", "Tri", "Yuni", "Ratna", "Rina", "Wulan", "Ayu", "Dewi", "Rini",
              "Retno", "Indah", "Novi", "Puji", "Tutik", "Yuliana", "Endah", "Eni", "Nur", "Sari", "Titik",
              "Umi", "Wiwik", "Anik", "Heni", "Ika", "Mega", "Nining", "Fitri", "Lestari", "Dyah", "Erna"],
        "single_M": ["Sutrisno", "Wagiman", "Sukirno", "Sunarto", "Tukiman", "Parjiman", "Suwardi",
                     "Ngadiman", "Mulyadi", "Sumardi", "Suparno", "Haryanto", "Margono", "Sarjono",
                     "Purwanto", "Triyono", "Widodo", "Suyatno", "Kasiyo", "Paimin", "Rubiyo", "Sukardi",
                     "Tugiyo", "Wasidi", "Sarwono", "Jumadi", "Karyono", "Legiman"],
        "single_F": ["Sumarni", "Suparmi", "Tumini", "Wartini", "Ngatini", "Sumiyati", "Sulastri",
                     "Winarsih", "Parmi", "Sukini", "Yatmi", "Kartini", "Murni", "Sukarti", "Painem",
                     "Sumini", "Tukiyem", "Warsini", "Jumiyem", "Sartini", "Ponirah", "Mujiyati", "Sarinah",
                     "Ngadinah", "Suwarni"],
        "second_M": ["Santoso", "Prasetyo", "Wibowo", "Nugroho", "Susanto", "Purnomo", "Setiawan",
                     "Kurniawan", "Hartono", "Widodo", "Saputro", "Pramono", "Raharjo", "Sulistyo", "Utomo",
                     "Wicaksono", "Gunawan", "Hermawan", "Suryanto", "Haryadi", "Subagyo", "Riyanto",
                     "Handoko", "Sutanto", "Wijayanto", "Nurcahyo", "Setyawan", "Triyanto", "Waluyo",
                     "Prakoso", "Darmawan", "Susilo"],
        "second_F": ["Lestari", "Rahayu", "Wahyuni", "Wulandari", "Handayani", "Susanti", "Pratiwi",
                     "Purwaningsih", "Kusumawati", "Setyaningsih", "Rahmawati", "Astuti", "Suryani",
                     "Hartati", "Yulianti", "Utami", "Anggraini", "Maharani", "Puspitasari",
                     "Sulistyowati", "Nurhayati", "Kurniasih", "Widyastuti", "Ningsih", "Mulyani",
                     "Sundari", "Indriyani", "Prihatini", "Rusmiyati", "Wijayanti"],
    },
    "sunda": {
        "M": ["Asep", "Ujang", "Dede", "Cecep", "Yayan", "Dadang", "Deden", "Engkus", "Iwan", "Jajang",
              "Ade", "Agus", "Endang", "Usep", "Encep", "Dadan", "Ridwan", "Wawan", "Aceng", "Hendra",
              "Tatang", "Rahmat", "Yana", "Dedi", "Ayi", "Ucu"],
        "F": ["Euis", "Neneng", "Iis", "Lilis", "Imas", "Enung", "Yeni", "Nenden", "Tuti", "Rina",
              "Nunung", "Elis", "Popon", "Entin", "Dewi", "Siti", "Rika", "Wida", "Titin", "Cucu", "Neng",
              "Ai", "Heni", "Nia", "Eti"],
        "single_M": ["Sutisna", "Karna", "Oman", "Suherman", "Komarudin"],
        "single_F": ["Aisah", "Enok", "Icih", "Onah", "Juju"],
        "second_M": ["Sunarya", "Suryana", "Permana", "Hidayat", "Kusnadi", "Sumpena", "Gunawan",
                     "Rukmana", "Setiadi", "Sudrajat", "Saepudin", "Sukmana", "Supriatna", "Nugraha",
                     "Mulyana", "Kustiawan", "Firmansyah", "Sopian", "Ruhiyat", "Kusumah", "Somantri",
                     "Hermawan"],
        "second_F": ["Rahayu", "Nurhasanah", "Kurniasih", "Rosita", "Marlina", "Sukmawati", "Suryani",
                     "Komalasari", "Nurjanah", "Sumiati", "Hasanah", "Purnamasari", "Herlina", "Apriani",
                     "Mulyani", "Nurlela", "Rostika"],
    },
    "batak": {
        "M": ["Roy", "Maruli", "Hotman", "Saut", "Darwin", "Bonar", "Togar", "Parlindungan", "Sahat",
              "Martua", "Jhonson", "Poltak", "Binsar", "Tumpal", "Horas", "Marihot", "Benget", "Manahan",
              "Gomgom", "Robert", "Rudolf", "Hasudungan", "Pangihutan", "Ferdinand", "Monang", "Sabar",
              "Parulian", "Jonner"],
        "F": ["Rosmawati", "Lamria", "Tiurma", "Rotua", "Lasma", "Duma", "Rumondang", "Tiominar",
              "Masniari", "Lenny", "Ruth", "Dameria", "Sondang", "Erni", "Junita", "Marintan", "Hotnida",
              "Friska", "Christina", "Lisbeth", "Tiarma", "Romauli", "Ester"],
        "family": ["Simanjuntak", "Siregar", "Nasution", "Harahap", "Lubis", "Sitompul", "Hutapea",
                   "Panjaitan", "Sinaga", "Situmorang", "Simatupang", "Pardede", "Tampubolon", "Manurung",
                   "Sihombing", "Silalahi", "Purba", "Damanik", "Hutabarat", "Napitupulu", "Pasaribu",
                   "Sitorus", "Tambunan", "Marpaung", "Nainggolan", "Simbolon", "Sagala", "Gultom",
                   "Hutagalung", "Saragih", "Sianturi", "Butarbutar", "Aritonang", "Sirait"],
    },
    "minang": {
        "M": ["Afrizal", "Syafril", "Zulkifli", "Hendri", "Nofrizal", "Yusrizal", "Edwar", "Syahrial",
              "Jasman", "Masrizal", "Defri", "Alfian", "Yulizar", "Firdaus", "Andri", "Erizal", "Fauzan",
              "Rahmat", "Irwan", "Zainal", "Dasril", "Yondri"],
        "F": ["Yusnita", "Rahmi", "Deswita", "Elfi", "Nofita", "Fitri", "Rosmaniar", "Yetti", "Desi",
              "Efrida", "Nurhasni", "Lismawati", "Mardiah", "Yusmaniar", "Nelti", "Rika", "Winda",
              "Yelfi", "Asnimar", "Zulaikha"],
        "second_M": ["Syahputra", "Anwar", "Saputra", "Effendi", "Hamzah", "Jamal", "Munir", "Arifin",
                     "Bachtiar", "Rusli", "Yunus", "Zainuddin", "Hasnul", "Kamal", "Idris"],
        "second_F": ["Dewi", "Yanti", "Sari", "Rahmawati", "Fitriani", "Yusra", "Hasanah", "Novianti",
                     "Wahyuni", "Oktavia", "Yulia", "Marlina", "Yuliarni"],
        "family": ["Chaniago", "Piliang", "Tanjung", "Koto", "Sikumbang", "Jambak"],
    },
    "melayu": {
        "M": ["Muhammad", "Ahmad", "Abdul", "Syaiful", "Rahmat", "Hendra", "Irwan", "Rizal", "Fauzi", "Hasan",
              "Ridwan", "Zainal", "Arif", "Firdaus", "Hamdan", "Syahrul", "Rizky", "Aditya", "Fadli",
              "Ilham", "Taufik", "Yusuf", "Indra", "Jefri", "Khairul", "Lukman", "Nasrul", "Rusdi",
              "Samsul", "Sofyan", "Wahyudi", "Zulkarnain", "Herman", "Darmawan"],
        "F": ["Siti", "Nur", "Fitri", "Rahma", "Aisyah", "Nurul", "Yanti", "Dewi", "Reni", "Zubaidah",
              "Halimah", "Rosmini", "Masitah", "Elvira", "Desi", "Putri", "Anisa", "Nabila", "Eka", "Lina",
              "Mardiana", "Novita", "Rosita", "Sarah", "Yuliana", "Zahra", "Norhayati", "Maslina"],
        "single_M": ["Syamsuddin", "Zulkifli", "Hasbullah", "Junaidi", "Mahmud"],
        "single_F": ["Halimah", "Zubaidah", "Rosnani", "Masnah", "Saodah"],
        "second_M": ["Saputra", "Hidayat", "Rahman", "Hakim", "Syahputra", "Hamid", "Effendi", "Yusuf",
                     "Halim", "Rasyid", "Abdullah", "Ramadhan", "Fauzan", "Maulana", "Firmansyah",
                     "Ardiansyah", "Kurniawan", "Pratama", "Iskandar", "Ismail", "Syarifuddin", "Nasution"],
        "second_F": ["Aryani", "Fitriani", "Rahmawati", "Yuliani", "Sari", "Maryani", "Hasanah",
                     "Oktaviani", "Nurjanah", "Safitri", "Amelia", "Hayati", "Rahmadani", "Puspita",
                     "Wahyuni", "Ramadhani", "Lestari", "Handayani", "Agustina"],
    },
    "aceh": {
        "M": ["Zulfikar", "Munawar", "Khairul", "Mukhlis", "Safrizal", "Fadhli", "Iskandar", "Taufiq",
              "Muhammad", "Azhar", "Bukhari", "Mahdi", "Nazaruddin", "Rizwan", "Saiful", "Murdani",
              "Zulkarnaini", "Hasbi", "Jamaluddin", "Ridha"],
        "F": ["Safrina", "Yusnidar", "Zuraida", "Mawaddah", "Raudhah", "Nurjannah", "Rahmah", "Nurul",
              "Husna", "Fitriani", "Salmiah", "Khairiah", "Mutia", "Darmawati", "Ernawati", "Zahara",
              "Nadia", "Rahmi"],
        "second_M": ["Ismail", "Ibrahim", "Daud", "Husein", "Usman", "Hasballah", "Abdullah", "Yusuf",
                     "Mahmud", "Zakaria", "Syahputra", "Hanafiah", "Amin", "Ramli"],
        "second_F": ["Maulida", "Yusra", "Rahmi", "Munira", "Fitria", "Sari", "Wati", "Agustina", "Zahra",
                     "Hayati", "Yulianti"],
    },
    "bugis": {
        "M": ["Muhammad", "Abdul", "Hasanuddin", "Syamsul", "Irwan", "Basri", "Arifin", "Amiruddin", "Rusdi",
              "Jufri", "Nasrullah", "Ilham", "Anwar", "Mustari", "Syahrir", "Akbar", "Haeruddin",
              "Sudirman", "Darwis", "Kamaruddin", "Zainuddin", "Firman", "Asri"],
        "F": ["Sitti", "Nurhaedah", "Hasnah", "Rosmiati", "Nurhayati", "Hasmawati", "Suriani", "Nurmiati",
              "Nursyamsi", "Jumriani", "Megawati", "Asmawati", "Fatmawati", "Irmawati", "Andriani",
              "Mirna", "Hasniah", "Rahmatia", "Sumarni"],
        "family": ["Hamzah", "Rasyid", "Arsyad", "Tahir", "Latief", "Mappaseng", "Nurdin", "Syamsuddin",
                   "Pawennari", "Lamba", "Amir", "Mappiasse", "Sulaiman", "Rahim", "Saleh", "Djafar",
                   "Mustafa", "Kadir", "Makkasau", "Hatta", "Pananrangi", "Mappanyukki", "Baso"],
    },
    "bali": {
        "M": ["Sudarma", "Suarjana", "Artawan", "Wirawan", "Sukadana", "Budiarta", "Mahendra", "Suardana",
              "Astawa", "Darmawan", "Sudiarta", "Widiana", "Arsana", "Sumerta", "Adnyana", "Mertayasa",
              "Suparta", "Yasa", "Sukarma", "Dharma Putra", "Eka Saputra", "Gunarta", "Agus Mertayasa",
              "Bagus Wirajaya", "Arya Wiguna"],
        "F": ["Ayu Lestari", "Sri Astuti", "Ayu Sukmawati", "Ariani", "Puspawati", "Wahyuni", "Sriasih",
              "Suartini", "Sukerti", "Mariani", "Darmayanti", "Yuliantari", "Suryani", "Ariasih",
              "Widiastuti", "Kartika Dewi", "Sri Wahyuni", "Rai Sudani", "Eka Pertiwi", "Ayu Kade Sriwahyuni",
              "Dewi Ratnaningsih", "Putri Anggreni"],
        "birth_M": ["Wayan", "Putu", "Gede", "Made", "Kadek", "Nyoman", "Komang", "Ketut"],
        "birth_F": ["Putu", "Made", "Kadek", "Nyoman", "Komang", "Ketut", "Luh", "Luh Putu", "Wayan"],
        "noble_M": ["I Gusti Ngurah", "I Gusti Bagus", "Anak Agung Gede", "Ida Bagus", "Cokorda Gede"],
        "noble_F": ["I Gusti Ayu", "Anak Agung Istri", "Ida Ayu", "Desak Made", "Jero"],
    },
    "sasak": {
        "M": ["Muhammad", "Ahmad", "Zainal", "Hairul", "Sahabudin", "Lukman", "Fathurrahman", "Zulkifli",
              "Mahsun", "Sahnan", "Zaenudin", "Jumahir", "Mustiadi", "Supardi", "Hamdi", "Samsul",
              "Junaidi", "Rusdi", "Sahlan", "Hirzi"],
        "F": ["Nurul", "Hikmah", "Rabiatul", "Sri", "Nurhidayati", "Hulaifah", "Saniah", "Zaenab",
              "Sahniah", "Rohani", "Mariati", "Inayah", "Suhaini", "Marlina", "Aisyah", "Nurhayati"],
        "second_M": ["Hakim", "Hidayat", "Zaini", "Rahman", "Amin", "Mustafa", "Hasan", "Jayadi",
                     "Hamdani", "Azhar", "Anwar", "Fikri", "Suparman", "Wathoni"],
        "second_F": ["Hidayati", "Hasanah", "Wahyuni", "Apriani", "Susanti", "Sahrianti", "Mardiana",
                     "Rahmawati", "Adawiyah"],
    },
    "ntt": {
        "M": ["Yohanes", "Agustinus", "Fransiskus", "Petrus", "Yosef", "Marthen", "Yoakim", "Stefanus",
              "Aloysius", "Paulus", "Yakobus", "Kornelis", "Simon", "Melkianus", "Obed", "Daniel",
              "Yermias", "Benediktus", "Hendrikus", "Gabriel", "Silvester", "Ambrosius", "Frans"],
        "F": ["Maria", "Yuliana", "Fransiska", "Agustina", "Theresia", "Margaretha", "Veronika", "Imelda",
              "Yasinta", "Elisabeth", "Anastasia", "Sofia", "Ester", "Martha", "Yohana", "Naomi",
              "Oktovina", "Florentina", "Adriana", "Serlina"],
        "family": ["Ndun", "Tefa", "Benu", "Manafe", "Messakh", "Lake", "Seran", "Nahak", "Bria",
                   "Nubatonis", "Tallo", "Toda", "Jehadu", "Jemadu", "Fernandez", "Parera", "da Costa",
                   "Wangge", "Moan", "Lewar", "Kolo", "Bani", "Sogen", "Riwu", "Dethan", "Boimau",
                   "Nggebu", "Pello"],
    },
    "intl": {  # a few foundation guests from abroad
        "M": ["David", "Jonathan", "Daniel", "Thomas", "Michael", "Andrew"],
        "F": ["Margaret", "Sarah", "Emily", "Rachel", "Priya", "Claire"],
        "family": ["Ellison", "Whitfield", "Morrison", "Hale", "Carter", "Brooks", "Raman", "Becker",
                   "Novak", "Lindqvist"],
    },
}

# A given name that never stands alone or last.
NEEDS_FOLLOWER = {"Muhammad", "Ahmad", "Abdul", "Nur", "Siti", "Sitti", "Sri", "Nurul", "Dwi", "Tri", "Eka"}
ABDUL_FOLLOWERS = ["Rahman", "Hakim", "Halim", "Rasyid", "Kadir", "Aziz", "Malik", "Wahab", "Gafur", "Muis"]
MUSLIM_STYLES = ("jawa", "sunda", "minang", "melayu", "aceh", "bugis", "sasak")
FAMILY_LAST_STYLES = ("batak", "ntt", "bugis", "intl")  # a clan or family name always comes last
SINGLE_NAME_ODDS = {"jawa": 0.1, "sunda": 0.04, "melayu": 0.04}  # one-word names, mostly older Javanese
# Names that often open a two-part given name ("Sri Retno", "Muhammad Ridwan", "Yohanes Paulus").
LEAD_NAMES = {
    "Muhammad", "Ahmad", "Agus", "Budi", "Eko", "Dwi", "Tri", "Ari", "Bayu", "Dimas", "Wahyu", "Fajar", "Bagus",
    "Arif", "Yusuf", "Hendra", "Rizky", "Aditya", "Ade", "Dede", "Asep", "Indra", "Yohanes", "Fransiskus",
    "Agustinus", "Petrus", "Yosef", "Sri", "Siti", "Sitti", "Nur", "Nurul", "Eka", "Dewi", "Ayu", "Ratna",
    "Retno", "Indah", "Putri", "Fitri", "Dyah", "Neng", "Maria", "Yuliana", "Andi",
}
LEAD_STACK_ODDS = 0.45

NATIONAL_PEOPLE = {"jawa": 8, "sunda": 3, "batak": 2, "minang": 2, "melayu": 3, "bugis": 1, "bali": 1, "ntt": 1}
YOGYA_PEOPLE = {"jawa": 9, "sunda": 1}

BACHELORS = {
    "village": ["S.Pd.", "S.Sos.", "S.Kom.", "S.E.", "S.Ag.", "S.Pd.I.", "A.Md.", "S.IP.", "S.Hum.", "S.P."],
    "official": ["S.Sos.", "S.IP.", "S.E.", "S.H.", "S.Pd.", "S.Hum.", "S.Kom.", "A.Md.", "S.I.Pust."],
    "other": ["S.Sos.", "S.E.", "S.Kom.", "S.I.Kom.", "S.Hum.", "S.H.", "S.T."],
}
BACHELORS["head"] = BACHELORS["official"]
MASTERS = ["M.Si.", "M.Pd.", "M.M.", "M.A.", "M.Hum.", "M.Sc.", "M.AP.", "M.Kom."]
ENGINEER_MASTERS = ["M.T.", "M.Sc.", "M.Si.", "M.M."]  # after "Ir."

# Odds of each kind of title, by the person's role.
TITLE_ODDS = {
    #            haji  prof   dr    ir    drs   degree master
    "village":  (0.03, 0.00, 0.00, 0.00, 0.00, 0.14, 0.10),
    "head":     (0.20, 0.00, 0.25, 0.05, 0.35, 0.90, 0.90),  # the head of a library service
    "official": (0.05, 0.00, 0.02, 0.00, 0.10, 0.50, 0.35),
    "vip":      (0.15, 0.06, 0.35, 0.12, 0.10, 0.80, 0.85),
    "speaker":  (0.10, 0.10, 0.40, 0.00, 0.00, 0.80, 0.80),
    "staff":    (0.00, 0.00, 0.00, 0.00, 0.00, 0.30, 0.15),
    "press":    (0.00, 0.00, 0.00, 0.00, 0.00, 0.10, 0.00),
}
MAX_PERSON_NAME = 45

# =============================================================================================
# Guests (article: the ministries and foundations; the people and the press outlets are invented)
# =============================================================================================

# code, name, region, person-name styles, {category: count}; "intl" means guests from abroad.
GUESTS = [
    ("GST-01", "Badan Perencanaan Pembangunan Nasional (BAPPENAS)", "DKI Jakarta", NATIONAL_PEOPLE,
     {"vip": 5, "speaker": 1}),
    ("GST-02", "Perpustakaan Nasional Republik Indonesia (Perpusnas RI)", "DKI Jakarta", NATIONAL_PEOPLE,
     {"vip": 5, "speaker": 2}),
    ("GST-03", "Kementerian Keuangan (Kemenkeu)", "DKI Jakarta", NATIONAL_PEOPLE, {"vip": 3}),
    ("GST-04", "Kementerian Dalam Negeri (Kemendagri)", "DKI Jakarta", NATIONAL_PEOPLE,
     {"vip": 4, "speaker": 1}),
    ("GST-05", "Badan Ekonomi Kreatif (BEKRAF)", "DKI Jakarta", NATIONAL_PEOPLE, {"vip": 3, "speaker": 1}),
    ("GST-06", "Coca-Cola Foundation Indonesia", "DKI Jakarta", NATIONAL_PEOPLE, {"vip": 3, "speaker": 1}),
    ("GST-07", "Bill & Melinda Gates Foundation", "Seattle, Amerika Serikat", {"intl": 1},
     {"vip": 3, "speaker": 1}),
    ("GST-08", "PerpuSeru", "DKI Jakarta", NATIONAL_PEOPLE, {"speaker": 3, "staff": 40}),
    ("GST-09", "Harian Warta Mataram", "Daerah Istimewa Yogyakarta", YOGYA_PEOPLE, {"press": 4}),
    ("GST-10", "Jogja Literasi TV", "Daerah Istimewa Yogyakarta", YOGYA_PEOPLE, {"press": 4}),
    ("GST-11", "Majalah Pustaka Kita", "DKI Jakarta", NATIONAL_PEOPLE, {"press": 4}),
]

# =============================================================================================
# Hotels and rooms (invented numbering: floor digit + two-digit room, "412")
# =============================================================================================

SHERATON, ROYAL, EASTPARC = "Hotel Sheraton Mustika", "Hotel Royal Ambarukmo", "Hotel Eastparc"
HOTEL_FLOORS = {  # hotel: (floors, rooms per floor)
    SHERATON: (range(2, 10), 55),
    ROYAL: (range(2, 10), 52),
    EASTPARC: (range(1, 8), 50),
}
VIP_FLOORS = (8, 9)  # Royal Ambarukmo's top floors, single rooms for VIPs and speakers
PARTICIPANT_BEDS = {SHERATON: 2 * (8 * 55 - 30), ROYAL: 2 * (6 * 52), EASTPARC: 2 * (7 * 50 - 10)}

# Delegation sizes.
PROVINCIAL_SIZES = (3, 4)
REGENCY_SIZE, GUNUNGKIDUL_SIZE = 3, 4
VILLAGE_SIZES, VILLAGE_SIZE_WEIGHTS = (1, 2, 3), (10, 75, 15)

# How the people of each category are lodged: (chance of a hotel, hotel, single room).
LODGING = {
    "vip": (0.7, ROYAL, True),
    "speaker": (0.7, ROYAL, True),
    "staff": (0.75, SHERATON, False),
    "press": (0.25, EASTPARC, False),
}


# =============================================================================================
# Records
# =============================================================================================

@dataclass
class Institution:
    code: str
    name: str
    kind: str
    region: str
    people: dict  # person-name styles and weights for its delegates


@dataclass
class Attendee:
    name: str
    sex: str
    institution: str
    category: str
    language: str = "id"
    hotel: str = ""
    hotel_room: str = ""
    code: str = ""


# =============================================================================================
# Institutions
# =============================================================================================

def build_institutions(rng: random.Random) -> list[Institution]:
    provincial, regencies, villages = [], [], []
    used_names: set[str] = set()  # institution names, unique in the file
    used_tbm_bases: set[str] = set()  # TBM names before any place suffix
    kab_number = kota_number = desa_number = 0
    others = [(p, r) for p in PROVINCES for r in p["regencies"] if r[0] != GUNUNGKIDUL]
    counts = iter(village_counts(rng, [r[0] for _, r in others]))
    for number, province in enumerate(PROVINCES, start=1):
        provincial.append(Institution(f"PROV-{number:02d}", f"{PROVINCIAL_PREFIX} {province['label']}",
                                      "provincial", province["label"], province["people"]))
        for regency, kecamatan in province["regencies"]:
            if regency == GUNUNGKIDUL:
                code = GUNUNGKIDUL_CODE
            elif regency.startswith("Kota "):
                kota_number += 1
                code = f"KOTA-{kota_number:03d}"
            else:
                kab_number += 1
                code = f"KAB-{kab_number:03d}"
            regencies.append(Institution(code, f"{PROVINCIAL_PREFIX} {regency}", "regency-city",
                                         province["label"], province["people"]))
            region = f"{regency}, {province['label']}"
            if regency == GUNUNGKIDUL:
                names = gunungkidul_villages(rng)
            else:
                names = regency_villages(rng, province, regency, kecamatan, next(counts), used_names,
                                         used_tbm_bases)
            for name in names:
                if isinstance(name, tuple):  # a named library keeps its own code
                    code, name = name
                else:
                    desa_number += 1
                    code = f"DESA-{desa_number:03d}"
                used_names.add(name)
                villages.append(Institution(code, name, "village-tbm", region, province["people"]))
    guests = [Institution(code, name, "guest", region, people) for code, name, region, people, _ in GUESTS]
    return provincial + regencies + villages + guests


def village_counts(rng: random.Random, regencies: list[str]) -> list[int]:
    """How many village libraries and TBMs each regency (Gunungkidul aside) brought: 739 in all."""
    target = 768 - GUNUNGKIDUL_VILLAGES
    bounds = [(3, 8) if name.startswith("Kota ") else (4, 12) for name in regencies]
    counts = [rng.randint(low, low + 4) if name.startswith("Kota ") else rng.randint(low + 1, low + 6)
              for name, (low, _) in zip(regencies, bounds)]
    while sum(counts) != target:
        index = rng.randrange(len(counts))
        low, high = bounds[index]
        if sum(counts) < target and counts[index] < high:
            counts[index] += 1
        elif sum(counts) > target and counts[index] > low:
            counts[index] -= 1
    return counts


def gunungkidul_villages(rng: random.Random) -> list:
    """The three named libraries, then 26 more spread round-robin over Gunungkidul's kecamatan."""
    pools = {kec: rng.sample(desa, len(desa)) for kec, desa in GUNUNGKIDUL_DESA.items()}
    names: list = list(GUNUNGKIDUL_NAMED)
    while len(names) < GUNUNGKIDUL_VILLAGES:
        for kec, pool in pools.items():
            if pool and len(names) < GUNUNGKIDUL_VILLAGES:
                desa = pool.pop()
                own = f"{library_name(rng)} " if rng.random() < 0.3 else ""
                names.append(f"Perpustakaan Desa {own}{desa}, {kec}")
    return names


def regency_villages(rng: random.Random, province: dict, regency: str, kecamatan: list[str], count: int,
                     used_names: set[str], used_bases: set[str]) -> list[str]:
    style = province["desa"]
    city = regency.startswith("Kota ")
    if city:
        word = province.get("city_word", "Kelurahan")
        places = rng.sample(CITY_KELURAHAN[regency], len(CITY_KELURAHAN[regency]))
    else:
        word = VILLAGE_WORD_OVERRIDE.get(regency, province.get("village_word", "Desa"))
        places = rng.sample(DESA_NAMES[style], len(DESA_NAMES[style]))
    names: list[str] = []
    while len(names) < count:
        if rng.random() < (0.5 if city else 0.3):
            name = tbm_name(rng, style, kecamatan, places, used_bases)
        else:
            place = places.pop()
            own = f"{library_name(rng)} " if rng.random() < 0.3 else ""
            suffix = "" if city else f", {rng.choice(kecamatan)}"
            name = f"Perpustakaan {word} {own}{place}{suffix}"
        if name not in used_names and name not in names and len(name) <= MAX_INSTITUTION_NAME:
            names.append(name)
    return names


def library_name(rng: random.Random) -> str:
    return f"{rng.choice(LIBRARY_WORDS[0])} {rng.choice(LIBRARY_WORDS[1])}"


def tbm_name(rng: random.Random, style: str, kecamatan: list[str], places: list[str],
             used_bases: set[str]) -> str:
    """A TBM name: a local or religious name now and then, otherwise two or three common words."""
    roll = rng.random()
    local = [name for name in TBM_LOCAL[style] if name not in used_bases]
    islamic = [name for name in TBM_ISLAMIC if name not in used_bases]
    if roll < 0.12 and local:
        base = rng.choice(local)
    elif roll < 0.16 and islamic and style in ISLAMIC_DESA_STYLES:
        base = rng.choice(islamic)
    else:
        first, second, third = TBM_WORDS
        base = f"{rng.choice(first)} {rng.choice(second)}"
        if rng.random() < 0.15:
            base += f" {rng.choice(third)}"
    used_bases.add(base)
    form = rng.random()
    if form < 0.35:
        return f"TBM {base}"
    if form < 0.65:
        return f"TBM {base}, Kec. {rng.choice(kecamatan)}"
    if form < 0.8:
        return f"TBM {base} {rng.choice(places)}"
    return f"Taman Bacaan Masyarakat {base}, Kec. {rng.choice(kecamatan)}"


# =============================================================================================
# Person names
# =============================================================================================

def person_name(rng: random.Random, people: dict, role: str, taken: set[str]) -> tuple[str, str]:
    """A (name, sex) pair: a name in one of the institution's styles, with titles for the role.

    TAKEN holds the names (without titles) already used in the same institution; a new one differs.
    """
    style = rng.choices(list(people), weights=list(people.values()))[0]
    sex = "F" if rng.random() < 0.52 else "M"
    while True:
        core = core_name(rng, style, sex, allow_single=role == "village" or style == "jawa")
        first, last = core.split()[0], core.split()[-1]
        if core not in taken and not (style == "intl" and (first in taken or last in taken)):
            break
    taken.update((core, first, last) if style == "intl" else (core,))
    for _ in range(30):
        name = with_titles(rng, core, style, sex, role)
        if len(name) <= MAX_PERSON_NAME:
            return name, sex
    return core, sex


def core_name(rng: random.Random, style: str, sex: str, allow_single: bool) -> str:
    names = NAME_STYLES[style]
    if style == "bali":
        return balinese_name(rng, names, sex)
    roll = rng.random()
    if style in FAMILY_LAST_STYLES:
        given = given_names(rng, names, sex, stack_odds=0.2 if style in ("batak", "ntt") else 0.0)
        if style == "bugis" and rng.random() < 0.2:
            given = f"Andi {given}"
        while True:
            family = rng.choice(names["family"])
            if not overlaps(family, given):
                return f"{given} {family}"
    if allow_single and roll < SINGLE_NAME_ODDS.get(style, 0.0):
        return rng.choice(names[f"single_{sex}"])
    given = given_names(rng, names, sex)
    if style == "jawa" and roll > 0.97:  # Javanese nobility: "Raden Roro Dyah Ayu Kusumawati"
        given = f"{'Raden Roro' if sex == 'F' else 'Raden Mas'} {given}"
    if style == "aceh" and roll < 0.12:
        given = f"{'Cut' if sex == 'F' else 'Teuku'} {given}"
    if style == "sasak" and roll < 0.22:
        given = f"{'Baiq' if sex == 'F' else 'Lalu'} {given}"
    if style == "sasak" and roll > 0.85 and given.split()[-1] not in NEEDS_FOLLOWER:
        return given  # many Sasak names have no second part
    last_names = names["family"] if style == "minang" and roll < 0.25 else names[f"second_{sex}"]
    while True:
        last = rng.choice(last_names)
        if not overlaps(last, given):
            return f"{given} {last}"


def given_names(rng: random.Random, names: dict, sex: str, stack_odds: float = 0.0) -> str:
    """One given name, or two when the first is a usual opener ("Sri Retno", "Abdul Rahman")."""
    given = rng.choice(names[sex])
    if given == "Abdul":
        return f"Abdul {rng.choice(ABDUL_FOLLOWERS)}"
    odds = 1.0 if given in NEEDS_FOLLOWER else LEAD_STACK_ODDS if given in LEAD_NAMES else stack_odds
    if rng.random() < odds:
        given = f"{given} {follower(rng, names, sex, given)}"
    return given


def follower(rng: random.Random, names: dict, sex: str, given: str) -> str:
    """A given name that can follow GIVEN without repeating it."""
    while True:
        name = rng.choice(names[sex])
        if name not in NEEDS_FOLLOWER and name != "Abdul" and not overlaps(name, given):
            return name


def overlaps(name: str, other: str) -> bool:
    """True when one name repeats (part of) the other, as in "Darmawati Wati" or "Sri Sri"."""
    words, others = name.lower().split(), other.lower().split()
    return any(a in b or b in a or a[:4] == b[:4] for a in words for b in others)


def balinese_name(rng: random.Random, names: dict, sex: str) -> str:
    if rng.random() < 0.15:
        prefix = rng.choice(names[f"noble_{sex}"])
    else:
        prefix = f"{'Ni' if sex == 'F' else 'I'} {rng.choice(names[f'birth_{sex}'])}"
    significant = " ".join(word for word in prefix.split() if len(word) > 2)  # not "I", "Ni"
    while True:
        given = rng.choice(names[sex])
        if not overlaps(given, significant):
            return f"{prefix} {given}"


def with_titles(rng: random.Random, core: str, style: str, sex: str, role: str) -> str:
    """Add Indonesian titles: academic and pilgrimage titles before the name, degrees after a comma."""
    haji, prof, doctor, engineer, drs, degree, master = TITLE_ODDS[role]
    if style == "intl":
        return f"Dr. {core}" if rng.random() < doctor else core
    roll = rng.random()
    academic = ""
    for title, odds in (("Prof. Dr.", prof), ("Dr.", doctor), ("Ir.", engineer),
                        ("Dra." if sex == "F" else "Drs.", drs)):
        if roll < odds:
            academic = "Dr. Ir." if title == "Ir." and rng.random() < 0.5 else title
            break
        roll -= odds
    pilgrim = "Hj." if sex == "F" else "H."
    before = [title for title in (academic, pilgrim if style in MUSLIM_STYLES and rng.random() < haji else "")
              if title]
    after = ""
    if academic:  # a doctor or a Drs. often has a master's degree too, officials list them all
        if rng.random() < master:
            after = rng.choice(ENGINEER_MASTERS if "Ir." in academic else MASTERS)
            if academic in ("Dr.", "Prof. Dr.") and rng.random() < (0.4 if role == "official" else 0.6):
                after = f"{rng.choice(BACHELORS['official'][:-2])}, {after}"  # not A.Md. or S.I.Pust.
    elif rng.random() < degree:
        after = rng.choice(BACHELORS.get(role, BACHELORS["other"]))
        if not after.startswith("A.") and rng.random() < master * 0.6:
            after += f", {rng.choice(MASTERS)}"
    name = " ".join(before + [core])
    return f"{name}, {after}" if after else name


# =============================================================================================
# Attendees, hotels and rooms
# =============================================================================================

def build_attendees(rng: random.Random, institutions: list[Institution]) -> list[Attendee]:
    attendees: list[Attendee] = []
    guest_counts = {code: counts for code, _, _, _, counts in GUESTS}
    for inst in institutions:
        if inst.kind == "guest":
            taken: set[str] = set()
            for category, count in guest_counts[inst.code].items():
                for _ in range(count):
                    name, sex = person_name(rng, inst.people, category, taken)
                    language = "en" if "intl" in inst.people else "id"
                    attendees.append(Attendee(name, sex, inst.code, category, language))
            continue
        size, role = delegation(rng, inst)
        taken = set()
        for number in range(size):
            head = number == 0 and role == "official"  # the Kepala Dinas leads the delegation
            name, sex = person_name(rng, inst.people, "head" if head else role, taken)
            attendees.append(Attendee(name, sex, inst.code, "participant"))
    for number, person in enumerate(attendees, start=1):
        person.code = f"P{number:04d}"
    return attendees


def delegation(rng: random.Random, inst: Institution) -> tuple[int, str]:
    """How many people an institution sent, and the title role of its people."""
    if inst.kind == "provincial":
        return rng.choice(PROVINCIAL_SIZES), "official"
    if inst.kind == "regency-city":
        return (GUNUNGKIDUL_SIZE if inst.code == GUNUNGKIDUL_CODE else REGENCY_SIZE), "official"
    if inst.code in NAMED_CODES:
        return 3, "village"
    return rng.choices(VILLAGE_SIZES, weights=VILLAGE_SIZE_WEIGHTS)[0], "village"


class RoomPool:
    """The free rooms of one hotel, in a shuffled but fixed order."""

    def __init__(self, rng: random.Random, hotel: str):
        floors, per_floor = HOTEL_FLOORS[hotel]
        self.hotel = hotel
        self.free = [f"{floor}{room:02d}" for floor in floors for room in range(1, per_floor + 1)]
        rng.shuffle(self.free)

    def take(self, top_floors: bool = False) -> str:
        """A free room; TOP_FLOORS picks Royal Ambarukmo's VIP floors, otherwise any other floor."""
        for index, room in enumerate(self.free):
            on_top = self.hotel == ROYAL and int(room[0]) in VIP_FLOORS
            if on_top == top_floors:
                return self.free.pop(index)
        raise RuntimeError(f"{self.hotel} has no free room left")


def assign_hotels(rng: random.Random, attendees: list[Attendee]) -> None:
    """Guests by category; each delegation to one hotel; same-sex twin sharing in file order."""
    pools = {hotel: RoomPool(rng, hotel) for hotel in HOTEL_FLOORS}
    twin: dict[tuple[str, str], list[Attendee]] = {}
    for person in attendees:
        if person.category in LODGING:
            chance, hotel, single = LODGING[person.category]
            if rng.random() < chance:
                person.hotel = hotel
                if single:
                    person.hotel_room = pools[hotel].take(top_floors=True)
                else:
                    twin.setdefault((hotel, person.category), []).append(person)
    beds = dict(PARTICIPANT_BEDS)
    delegations: dict[str, list[Attendee]] = {}
    for person in attendees:
        if person.category == "participant":
            delegations.setdefault(person.institution, []).append(person)
    for members in delegations.values():
        fits = [hotel for hotel in beds if beds[hotel] >= len(members)]
        hotel = rng.choices(fits, weights=[beds[h] for h in fits])[0]
        beds[hotel] -= len(members)
        for person in members:
            person.hotel = hotel
            twin.setdefault((hotel, "participant"), []).append(person)
    for (hotel, _), people in twin.items():
        for sex in ("F", "M"):
            same = [person for person in people if person.sex == sex]
            for start in range(0, len(same), 2):
                room = pools[hotel].take()
                for person in same[start:start + 2]:
                    person.hotel_room = room


# =============================================================================================
# Programme (invented; article: which venue hosted what, the gala dinner and its entertainers)
# =============================================================================================

DAY1, DAY2 = EVENT["days"]

# Shuttle minutes between venues, one line per pair (read both ways).
TRAVEL = [
    ("sheraton", "royal-ambarukmo", 10),
    ("sheraton", "ambarukmo-plaza", 10),
    ("sheraton", "eastparc", 15),
    ("royal-ambarukmo", "ambarukmo-plaza", 5),  # next door
    ("royal-ambarukmo", "eastparc", 10),
    ("ambarukmo-plaza", "eastparc", 10),
]

# Sharing-class topics: (title, title_en, description).
CLASS_TOPICS = [
    ("Perpustakaan sebagai Pusat Kegiatan Masyarakat", "The Library as a Community Activity Centre",
     "Berbagi cara menjadikan perpustakaan desa tempat warga berkumpul, belajar dan berkegiatan bersama."),
    ("Literasi Digital untuk Pelaku UMKM", "Digital Literacy for Small Businesses",
     "Pengalaman perpustakaan melatih pelaku usaha kecil memasarkan produknya lewat internet dan media "
     "sosial."),
    ("Menggalang Dukungan Pemerintah Desa", "Winning the Support of the Village Government",
     "Strategi advokasi agar kegiatan perpustakaan masuk dalam rencana kerja dan anggaran dana desa."),
    ("Pelatihan Komputer dan Internet", "Computer and Internet Training",
     "Menyusun dan menjalankan pelatihan komputer dasar dan internet bagi warga, dari pelajar sampai "
     "petani."),
    ("Kemitraan dengan CSR", "Partnerships with Corporate CSR Programmes",
     "Cara menjalin kerja sama dengan program tanggung jawab sosial perusahaan untuk mendukung kegiatan "
     "perpustakaan."),
    ("Mendongeng dan Literasi Anak", "Storytelling and Children's Literacy",
     "Teknik mendongeng dan kegiatan membaca yang membuat anak-anak betah datang ke perpustakaan."),
    ("Produk Olahan Pangan dari Pelatihan Perpustakaan", "Food Products from Library Training",
     "Kisah warga yang memulai usaha olahan pangan setelah mengikuti pelatihan di perpustakaan desa."),
    ("Mengukur Dampak Program", "Measuring Programme Impact",
     "Mengumpulkan data dan cerita perubahan untuk menunjukkan manfaat perpustakaan bagi warga."),
    ("Membuat Video Cerita Dampak Perpustakaan", "Making Library Impact Videos",
     "Merekam dan menyunting video pendek dengan ponsel untuk menceritakan perubahan yang didorong "
     "perpustakaan."),
    ("Promosi Perpustakaan lewat Media Sosial", "Promoting the Library on Social Media",
     "Memanfaatkan media sosial untuk mengabarkan kegiatan perpustakaan dan menarik pengunjung baru."),
    ("Pemberdayaan Perempuan melalui Perpustakaan", "Empowering Women through the Library",
     "Kegiatan perpustakaan yang membuka peluang belajar dan berusaha bagi ibu rumah tangga dan kelompok "
     "perempuan."),
    ("Informasi untuk Petani dan Peternak", "Information for Farmers and Livestock Keepers",
     "Perpustakaan sebagai sumber informasi harga, bibit dan teknik budi daya bagi petani dan peternak."),
    ("Replikasi Program ke Desa Lain", "Taking the Programme to More Villages",
     "Langkah perpustakaan kabupaten menularkan praktik baik PerpuSeru ke desa-desa yang belum menjadi "
     "mitra."),
    ("Keberlanjutan Perpustakaan setelah Pendampingan", "Keeping the Library Going after the Programme",
     "Menjaga kegiatan, relawan dan pendanaan perpustakaan tetap berjalan setelah masa pendampingan "
     "berakhir."),
]
# Class slots: (number, day, start, end). Each participant takes slot 1 or 2 on day 1 and 3 or 4 on
# day 2: half "A" the odd slots, half "B" the even ones. Every class room has a class in every slot;
# room i holds topic (i + TOPIC_STEP * slot index) mod len(CLASS_TOPICS), so a topic never comes
# back to the same room.
CLASS_SLOTS = [(1, DAY1, "09:30", "12:00"), (2, DAY1, "16:00", "17:30"),
               (3, DAY2, "08:30", "10:00"), (4, DAY2, "10:30", "12:00")]
TOPIC_STEP = 4
CLASS_ROOMS = [room[0] for venue in VENUES for room in venue["rooms"] if room[4] == "sharing class"]
CLASS_GUESTS = ("GST-08", "GST-02")  # PerpuSeru and Perpusnas speakers also lead a few classes
CLASS_GUESTS_PER_SLOT = 2
WELL_KNOWN_REGENCIES = 12  # besides Gunungkidul: regency/city libraries whose people lead classes
WELL_KNOWN_VILLAGES = 24  # besides the three named libraries
ASSIGNED_KINDS = ("regency-city", "village-tbm")

# Stall rooms at Ambarukmo Plaza: (code suffix, room, title, title_en, description, set-up title and
# title_en).
STALL_ROOMS = [
    ("ATR", "ambarukmo-plaza-atrium", "Lapak Produk Perpustakaan: Jawa, Bali dan Nusa Tenggara",
     "Library Product Stalls: Java, Bali and Nusa Tenggara",
     "Produk olahan, kerajinan dan hasil pelatihan perpustakaan dari Jawa, Bali dan Nusa Tenggara.",
     "Penataan Lapak Jawa, Bali dan Nusa Tenggara", "Setting up the Java, Bali and Nusa Tenggara Stalls"),
    ("TMR", "ambarukmo-plaza-atrium-timur", "Lapak Produk Perpustakaan: Sumatera, Kalimantan dan Sulawesi",
     "Library Product Stalls: Sumatra, Kalimantan and Sulawesi",
     "Produk olahan, kerajinan dan hasil pelatihan perpustakaan dari Sumatera, Kalimantan dan Sulawesi.",
     "Penataan Lapak Sumatera, Kalimantan dan Sulawesi",
     "Setting up the Sumatra, Kalimantan and Sulawesi Stalls"),
    ("HAL", "ambarukmo-plaza-hall", "Pameran Produk Unggulan dan Penilaian Lapak Terbaik",
     "Showcase of Leading Products and Best Stall Judging",
     "Produk unggulan tiap provinsi dipajang di sini dan juri menilai lapak untuk penghargaan Lapak "
     "Terbaik.",
     "Penataan Pameran Produk Unggulan", "Setting up the Product Showcase"),
]


@dataclass
class Session:
    code: str
    title: str
    title_en: str
    kind: str
    room: str
    start: str  # "YYYY-MM-DD HH:MM", event's zone
    end: str
    speakers: list[str] = field(default_factory=list)
    language: str = "id"
    capacity: int | None = None
    description: str = ""
    topic: int | None = None  # classes only: index into CLASS_TOPICS
    slot: int | None = None  # classes only: 1-4


def at(day: str, time: str) -> str:
    return f"{day} {time}"


def build_sessions(rng: random.Random, institutions: list[Institution], attendees: list[Attendee],
                   halves: dict[str, int]) -> list[Session]:
    """The two-day programme, in time order (ties in the order of the rooms in event.toml)."""
    speakers: dict[str, list[str]] = {}
    for person in attendees:
        if person.category == "speaker":
            speakers.setdefault(person.institution, []).append(person.name)
    perpusnas, perpuseru = speakers["GST-02"], speakers["GST-08"]
    sessions = [
        Session("D1-REG", "Registrasi Peserta", "Participant Registration", "registration", "sheraton-lobby",
                at(DAY1, "07:00"), at(DAY1, "09:30"),
                description="Peserta mengambil kartu peserta, tas seminar dan jadwal kelas di meja "
                            "registrasi sesuai provinsi."),
        Session("D1-KOORD-KAB", "Briefing Koordinator Delegasi Kabupaten/Kota",
                "Briefing for Regency and City Delegation Coordinators", "other", "sheraton-ballroom",
                at(DAY1, "08:00"), at(DAY1, "09:30"), capacity=150,
                description="Koordinator tiap delegasi kabupaten/kota menerima jadwal, pembagian kelas dan "
                            "aturan shuttle antarhotel."),
        Session("D1-KOORD-PROV", "Rapat Koordinasi Perpustakaan Provinsi",
                "Coordination Meeting of the Provincial Libraries", "other", "sheraton-kalasan",
                at(DAY1, "08:00"), at(DAY1, "09:30"),
                description="Perwakilan dinas perpustakaan provinsi membahas peran provinsi dalam "
                            "perluasan program."),
        Session("D1-KOORD-JURI", "Rapat Tim Juri Penghargaan", "Meeting of the Award Juries", "other",
                "sheraton-sambisari", at(DAY1, "08:00"), at(DAY1, "09:30"),
                description="Tim juri menyepakati kriteria dan jadwal penilaian lapak serta video dampak "
                            "perpustakaan."),
        Session("D1-SETUP-BM", "Bongkar Muat Barang Lapak", "Unloading Stall Goods", "stalls",
                "ambarukmo-plaza-bongkar-muat", at(DAY1, "08:00"), at(DAY1, "10:00"),
                description="Barang dagangan dan perlengkapan lapak diturunkan lewat pintu servis sesuai "
                            "jadwal tiap provinsi."),
    ]
    for suffix, room, _, _, _, title, title_en in STALL_ROOMS:
        sessions.append(Session(f"D1-SETUP-{suffix}", title, title_en,
                                "stalls", room, at(DAY1, "08:00"), at(DAY1, "10:00"),
                                description="Delegasi menata meja, spanduk dan produk sebelum lapak dibuka "
                                            "untuk pengunjung."))
    for day, code, opens, closes in ((DAY1, "D1", "10:00", "21:00"), (DAY2, "D2", "09:00", "16:00")):
        for suffix, room, title, title_en, description, _, _ in STALL_ROOMS:
            sessions.append(Session(f"{code}-LAPAK-{suffix}", title, title_en, "stalls", room,
                                    at(day, opens), at(day, closes), description=description))
    sessions += [
        Session("D1-PLENO-1", "Pleno Pembukaan: Sambutan dan Pembukaan Resmi",
                "Opening Plenary: Welcome and Official Opening", "plenary", "royal-ambarukmo-ballroom",
                at(DAY1, "13:00"), at(DAY1, "14:00"),
                [perpusnas[0], speakers["GST-01"][0], speakers["GST-06"][0]],
                description="Sambutan dari Perpustakaan Nasional, BAPPENAS dan Coca-Cola Foundation "
                            "Indonesia, lalu pembukaan resmi PLM Nasional 2018."),
        Session("D1-PLENO-2", "Pleno Pembukaan: Perpustakaan dan Pembangunan Berkelanjutan",
                "Opening Plenary: Libraries and Sustainable Development", "plenary",
                "royal-ambarukmo-ballroom", at(DAY1, "14:00"), at(DAY1, "14:45"), [speakers["GST-07"][0]],
                language="en",
                description="Pandangan Bill & Melinda Gates Foundation tentang perpustakaan umum di berbagai "
                            "negara, disampaikan dalam bahasa Inggris."),
        Session("D1-PLENO-3", "Pleno Pembukaan: Diskusi Panel Transformasi Perpustakaan",
                "Opening Plenary: Panel on Library Transformation", "plenary", "royal-ambarukmo-ballroom",
                at(DAY1, "14:45"), at(DAY1, "15:30"),
                [speakers["GST-04"][0], speakers["GST-05"][0], perpusnas[1], perpuseru[0]],
                description="Kemendagri, BEKRAF dan Perpustakaan Nasional membahas dukungan kebijakan bagi "
                            "perpustakaan desa dan kabupaten."),
        Session("GALA", "Malam Penghargaan dan Gala Dinner", "Awards Night and Gala Dinner", "gala",
                "royal-ambarukmo-pendopo", at(DAY1, "19:00"), at(DAY2, "00:30"),
                description="Penyerahan penghargaan perpustakaan daerah, perpustakaan desa, video dampak dan "
                            "lapak terbaik, dimeriahkan oleh Cak Lontong, Jenita Janet, Abdul dan Ari "
                            "Kriting."),
        Session("D2-PLENO", "Pleno Penutupan dan Rencana Tindak Lanjut",
                "Closing Plenary and Follow-up Plans", "plenary", "royal-ambarukmo-ballroom",
                at(DAY2, "13:00"), at(DAY2, "15:00"), [perpuseru[1], perpuseru[2], perpusnas[0]],
                description="Rangkuman hasil kelas berbagi dan rencana tindak lanjut tiap provinsi untuk "
                            "tahun berikutnya."),
        Session("D2-PENUTUPAN", "Penutupan dan Foto Bersama", "Closing and Group Photo", "other",
                "royal-ambarukmo-ballroom", at(DAY2, "15:30"), at(DAY2, "16:00"),
                description="Acara ditutup resmi, dilanjutkan foto bersama per provinsi di depan panggung."),
    ]
    sessions += build_classes(rng, institutions, attendees, halves,
                              [name for code in CLASS_GUESTS for name in speakers[code]])
    order = {room[0]: index for venue in VENUES for index, room in enumerate(venue["rooms"])}
    venue_of = {room[0]: number for number, venue in enumerate(VENUES) for room in venue["rooms"]}
    sessions.sort(key=lambda s: (s.start, venue_of[s.room], order[s.room]))
    return sessions


def split_halves(institutions: list[Institution], attendees: list[Attendee]) -> dict[str, int]:
    """Half 0 or 1 for each regency/city and village/TBM participant: alternating through the file,
    so each delegation has people in both halves (someone stays at the stall) and the halves are even."""
    assigned = {inst.code for inst in institutions if inst.kind in ASSIGNED_KINDS}
    people = [p for p in attendees if p.category == "participant" and p.institution in assigned]
    return {person.code: number % 2 for number, person in enumerate(people)}


def build_classes(rng: random.Random, institutions: list[Institution], attendees: list[Attendee],
                  halves: dict[str, int], guests: list[str]) -> list[Session]:
    """Every class room in every slot; each class led by a team (one regency/city and one village
    participant per topic and half) and, in a few classes, also a PerpuSeru or Perpusnas speaker."""
    teams = class_teams(rng, institutions, attendees, halves)
    guest_cycle = rng.sample(guests, len(guests))
    picks = 0
    classes = []
    for index, (number, day, start, end) in enumerate(CLASS_SLOTS):
        with_guest = set(rng.sample(range(len(CLASS_ROOMS)), CLASS_GUESTS_PER_SLOT))
        for room_number, room in enumerate(CLASS_ROOMS):
            topic = (room_number + TOPIC_STEP * index) % len(CLASS_TOPICS)
            title, title_en, description = CLASS_TOPICS[topic]
            names = [person.name for person in teams[(topic, (number - 1) % 2)]]
            if room_number in with_guest:
                names.insert(0, guest_cycle[picks % len(guest_cycle)])
                picks += 1
            classes.append(Session(f"D{1 if day == DAY1 else 2}-K{number}-{room_number + 1:02d}",
                                   title, title_en, "class", room,
                                   at(day, start), at(day, end), names, description=description,
                                   topic=topic, slot=number))
    return classes


def class_teams(rng: random.Random, institutions: list[Institution], attendees: list[Attendee],
                halves: dict[str, int]) -> dict[tuple[int, int], list[Attendee]]:
    """(topic, half) -> [regency/city person, village person]. Leaders come from Gunungkidul and the
    three named village libraries first, then from libraries picked at random; a leader's name is
    unique among all attendees, so a kiosk can tell who is meant."""
    name_counts = count_by(attendees, lambda person: person.name)
    members: dict[str, list[Attendee]] = {}
    for person in attendees:
        if person.code in halves and name_counts[person.name] == 1:
            members.setdefault(person.institution, []).append(person)
    regencies = [inst.code for inst in institutions
                 if inst.kind == "regency-city" and inst.code != GUNUNGKIDUL_CODE]
    villages = [inst.code for inst in institutions if inst.kind == "village-tbm"
                and inst.code not in NAMED_CODES and len(members.get(inst.code, [])) > 1]
    pools = []
    for first, others, extra in (([GUNUNGKIDUL_CODE], regencies, WELL_KNOWN_REGENCIES),
                                 (list(NAMED_CODES), villages, WELL_KNOWN_VILLAGES)):
        chosen = first + rng.sample(others, extra)
        pools.append([[p for code in chosen for p in members.get(code, []) if halves[p.code] == half]
                      for half in (0, 1)])
    teams: dict[tuple[int, int], list[Attendee]] = {}
    for half in (0, 1):
        for topic in range(len(CLASS_TOPICS)):
            teams[(topic, half)] = [pool[half].pop(0) for pool in pools]
    return teams


def build_assignments(rng: random.Random, institutions: list[Institution], attendees: list[Attendee],
                      halves: dict[str, int], sessions: list[Session]) -> list[tuple[str, str]]:
    """(attendee code, session code): one class a day for every regency/city and village participant,
    in the slot of their half. Class leaders sit in their own class; everyone else goes, delegation by
    delegation in a shuffled order, to the class with room that has no one from the same institution,
    is not a topic they already had, is among the least full (in steps of a tenth), has the fewest
    people from the same regency, and is the least full."""
    region = {}
    for inst in institutions:
        if inst.kind == "regency-city":
            region[inst.code] = f"{inst.name.removeprefix(PROVINCIAL_PREFIX).strip()}, {inst.region}"
        else:
            region[inst.code] = inst.region
    room_capacity = {room[0]: room[3] for venue in VENUES for room in venue["rooms"]}
    by_code = {person.code: person for person in attendees}
    code_of_name = {person.name: person.code for person in attendees if person.code in halves}
    delegations: dict[str, list[Attendee]] = {}
    for person in attendees:
        if person.code in halves:
            delegations.setdefault(person.institution, []).append(person)
    topics_had: dict[str, set[int]] = {}
    pairs: list[tuple[str, str]] = []
    for number, _, _, _ in CLASS_SLOTS:
        half = (number - 1) % 2
        classes = [s for s in sessions if s.slot == number]
        seated: dict[str, list[str]] = {s.code: [] for s in classes}
        placed: set[str] = set()
        for session in classes:  # the leaders first
            for name in session.speakers:
                if name in code_of_name:
                    seated[session.code].append(code_of_name[name])
                    placed.add(code_of_name[name])
        order = [code for code in delegations if any(halves[p.code] == half for p in delegations[code])]
        rng.shuffle(order)
        for institution in order:
            for person in delegations[institution]:
                if halves[person.code] != half or person.code in placed:
                    continue
                had = topics_had.get(person.code, set())

                def rank(session: Session) -> tuple:
                    people = [by_code[code] for code in seated[session.code]]
                    full = len(people) / capacity_of(session, room_capacity)
                    return (any(p.institution == institution for p in people), session.topic in had,
                            int(full * 10), sum(region[p.institution] == region[institution] for p in people),
                            full, session.code)

                open_classes = [s for s in classes if len(seated[s.code]) < capacity_of(s, room_capacity)]
                if not open_classes:
                    raise RuntimeError(f"class slot {number} is full")
                seated[min(open_classes, key=rank).code].append(person.code)
        for session in classes:
            for code in seated[session.code]:
                pairs.append((code, session.code))
                topics_had.setdefault(code, set()).add(session.topic)
    starts = {session.code: session.start for session in sessions}
    return sorted(pairs, key=lambda pair: (pair[0], starts[pair[1]]))


def capacity_of(session: Session, room_capacity: dict[str, int]) -> int:
    return session.capacity or room_capacity[session.room]


# =============================================================================================
# Stalls and products at Ambarukmo Plaza (article: libraries set up stalls, "lapak", to sell the
# products of their learning programmes, and Gunungkidul won "Lapak Terbaik"; every stall, product,
# price and stock is invented)
# =============================================================================================

# Stall areas, in the order of the stall codes: (room name as in event.toml, position letter, stalls).
# The exhibition hall holds the regency/city libraries (Gunungkidul first, so it is L01), the main
# atrium the village libraries and TBMs of Java, Bali and Nusa Tenggara (Gunungkidul's named three
# first), the east atrium those of Sumatra, Kalimantan and Sulawesi.
STALL_AREAS = [("Hall Pameran", "H", 7), ("Atrium Utama", "A", 31), ("Atrium Timur", "T", 22)]
ATRIUM_PROVINCES = {"Provinsi Jawa Barat", "Provinsi Jawa Tengah", "Daerah Istimewa Yogyakarta",
                    "Provinsi Jawa Timur", "Provinsi Bali", "Provinsi Nusa Tenggara Barat",
                    "Provinsi Nusa Tenggara Timur"}
MIN_PRODUCTS, MAX_PRODUCTS = 3, 8
LOWEST_PRICE, HIGHEST_PRICE = 5000, 450000

# A product: (code suffix, name, lowest and highest price, stock), where stock is (fewest, most, odds
# of not being counted at all): cheap food is often sold from a crate nobody counts.
PRODUCTS = [
    ("BATIK", "Batik tulis", 175000, 450000, (2, 8, 0.0)),
    ("BATIK-CAP", "Kain batik cap", 85000, 160000, (4, 15, 0.0)),
    ("TENUN", "Kain tenun ikat", 200000, 450000, (2, 6, 0.0)),
    ("SELENDANG", "Selendang tenun", 75000, 150000, (3, 12, 0.0)),
    ("PANDAN", "Tas anyaman pandan", 40000, 125000, (4, 20, 0.1)),
    ("TIKAR", "Tikar anyaman mendong", 60000, 150000, (2, 8, 0.0)),
    ("BAMBU", "Tempat pensil bambu", 15000, 35000, (8, 40, 0.3)),
    ("BAMBU-LAMPU", "Lampu hias bambu", 75000, 175000, (2, 8, 0.0)),
    ("BONEKA", "Boneka kain perca", 25000, 65000, (5, 25, 0.1)),
    ("BROS", "Bros kain flanel", 5000, 12000, (15, 60, 0.5)),
    ("GANCI", "Gantungan kunci kayu", 5000, 10000, (20, 60, 0.5)),
    ("BUKU", "Buku cerita anak karya warga", 20000, 45000, (5, 30, 0.1)),
    ("KERIPIK", "Keripik tempe 250 g", 12000, 20000, (20, 60, 0.5)),
    ("EMPING", "Emping melinjo 250 g", 22000, 35000, (10, 40, 0.4)),
    ("KOPI", "Kopi bubuk robusta 200 g", 25000, 55000, (10, 40, 0.3)),
    ("MADU", "Madu hutan 500 ml", 75000, 150000, (4, 20, 0.0)),
    ("GULA-AREN", "Gula aren 1 kg", 22000, 40000, (10, 40, 0.4)),
    ("SABUN", "Sabun herbal sereh", 10000, 20000, (10, 50, 0.4)),
    ("VCO", "Minyak kelapa murni (VCO) 250 ml", 35000, 60000, (6, 30, 0.2)),
    ("DODOL", "Dodol nangka 250 g", 15000, 30000, (10, 50, 0.5)),
    ("RENGGINANG", "Rengginang 250 g", 12000, 20000, (15, 50, 0.5)),
    ("KERIPIK-PSG", "Keripik pisang 250 g", 10000, 18000, (15, 60, 0.5)),
    ("SAMBAL", "Sambal bawang kemasan", 18000, 30000, (10, 40, 0.4)),
    ("JAHE", "Jahe merah instan 250 g", 20000, 35000, (10, 40, 0.4)),
    ("TEH-KELOR", "Teh daun kelor 50 g", 15000, 30000, (10, 40, 0.4)),
]
# What a province is known for, offered first at its stalls (same shape as PRODUCTS; a suffix here
# replaces the general product with the same suffix).
REGIONAL_PRODUCTS = {
    "Provinsi Aceh": [("KOPI", "Kopi Gayo arabika 200 g", 45000, 90000, (10, 40, 0.2)),
                      ("BORDIR", "Tas bordir Aceh", 75000, 175000, (3, 10, 0.0))],
    "Provinsi Sumatera Utara": [("ULOS", "Kain ulos tenun", 250000, 450000, (2, 6, 0.0)),
                                ("KOPI", "Kopi arabika Toba 200 g", 45000, 85000, (10, 40, 0.2))],
    "Provinsi Sumatera Barat": [("SONGKET", "Kain songket Minang", 300000, 450000, (2, 5, 0.0)),
                                ("RENDANG", "Rendang daging kemasan 250 g", 60000, 95000, (6, 24, 0.0)),
                                ("SANJAI", "Keripik sanjai balado 250 g", 15000, 30000, (15, 50, 0.4))],
    "Provinsi Jambi": [("BATIK", "Batik Jambi motif angso duo", 175000, 400000, (2, 8, 0.0)),
                       ("KOPI", "Kopi Kerinci 200 g", 40000, 75000, (10, 40, 0.2))],
    "Provinsi Sumatera Selatan": [("SONGKET", "Kain songket Palembang", 300000, 450000, (2, 5, 0.0)),
                                  ("KEMPLANG", "Kerupuk kemplang 500 g", 25000, 45000, (10, 40, 0.4))],
    "Provinsi Lampung": [("TAPIS", "Kain tapis Lampung", 250000, 450000, (2, 6, 0.0)),
                         ("KOPI", "Kopi robusta Lampung 250 g", 30000, 60000, (10, 40, 0.3)),
                         ("KERIPIK-PSG", "Keripik pisang Lampung 250 g", 12000, 22000, (15, 60, 0.5))],
    "Provinsi Jawa Barat": [("DODOL", "Dodol nanas 250 g", 15000, 30000, (10, 50, 0.5)),
                            ("OPAK", "Opak ketan 250 g", 10000, 18000, (15, 50, 0.5)),
                            ("BATIK", "Batik tulis motif mega mendung", 175000, 400000, (2, 8, 0.0))],
    "Provinsi Jawa Tengah": [("BATIK", "Batik tulis motif parang", 200000, 450000, (2, 8, 0.0)),
                             ("LURIK", "Kain lurik tenun", 75000, 150000, (3, 12, 0.0))],
    "Daerah Istimewa Yogyakarta": [("BATIK", "Batik tulis motif kawung", 200000, 450000, (2, 8, 0.0)),
                                   ("BAKPIA", "Bakpia kacang hijau isi 20", 30000, 45000, (10, 30, 0.2)),
                                   ("GEPLAK", "Geplak kelapa 250 g", 15000, 25000, (10, 40, 0.4))],
    "Provinsi Jawa Timur": [("BATIK", "Batik tulis pesisiran", 175000, 400000, (2, 8, 0.0)),
                            ("KERIPIK", "Keripik tempe Malang 250 g", 12000, 22000, (20, 60, 0.5))],
    "Provinsi Bali": [("ENDEK", "Kain tenun endek", 150000, 350000, (2, 8, 0.0)),
                      ("UKIR", "Ukiran kayu kecil", 75000, 250000, (2, 8, 0.0)),
                      ("KOPI", "Kopi arabika Kintamani 200 g", 45000, 85000, (10, 40, 0.2))],
    "Provinsi Nusa Tenggara Barat": [("TENUN", "Kain tenun songket Lombok", 250000, 450000, (2, 6, 0.0)),
                                     ("GERABAH", "Gerabah hias", 35000, 150000, (3, 15, 0.0)),
                                     ("MADU", "Madu Sumbawa 500 ml", 90000, 175000, (4, 20, 0.0))],
    "Provinsi Nusa Tenggara Timur": [("TENUN", "Kain tenun ikat NTT", 250000, 450000, (2, 6, 0.0)),
                                     ("KOPI", "Kopi arabika Flores 200 g", 45000, 85000, (10, 40, 0.2))],
    "Provinsi Kalimantan Barat": [("MANIK", "Kalung manik-manik Dayak", 25000, 75000, (5, 25, 0.0)),
                                  ("AMPLANG", "Kerupuk amplang 250 g", 20000, 35000, (10, 40, 0.4))],
    "Provinsi Kalimantan Selatan": [("SASIRANGAN", "Kain sasirangan", 100000, 250000, (3, 10, 0.0)),
                                    ("AMPLANG", "Kerupuk amplang 250 g", 20000, 35000, (10, 40, 0.4))],
    "Provinsi Kalimantan Timur": [("MANIK", "Tas manik-manik Dayak", 150000, 350000, (2, 6, 0.0)),
                                  ("AMPLANG", "Amplang ikan pipih 250 g", 20000, 35000, (10, 40, 0.4))],
    "Provinsi Sulawesi Selatan": [("SUTERA", "Sarung sutera Bugis", 250000, 450000, (2, 6, 0.0)),
                                  ("KOPI", "Kopi Toraja 200 g", 50000, 95000, (10, 40, 0.2))],
    "Provinsi Sulawesi Tengah": [("TENUN", "Kain tenun Donggala", 200000, 450000, (2, 6, 0.0)),
                                 ("BAWANG", "Bawang goreng Palu 250 g", 35000, 60000, (10, 40, 0.3))],
}
# The winner of "Lapak Terbaik" (article) brought a full table; its products are written out by hand.
# (code suffix, name, price, stock or None)
GUNUNGKIDUL_PRODUCTS = [
    ("BATIK", "Batik tulis motif walang", 350000, 6),
    ("TOPENG", "Topeng kayu Bobung", 125000, 10),
    ("MADU", "Madu klanceng 250 ml", 95000, 15),
    ("KOPI", "Kopi robusta Gunungkidul 200 g", 35000, 40),
    ("BUKU", "Buku cerita rakyat Gunungkidul", 35000, 25),
    ("BELALANG", "Belalang goreng 100 g", 25000, 50),
    ("TIWUL", "Tiwul instan 500 g", 15000, None),
    ("GAPLEK", "Keripik gaplek 250 g", 10000, None),
]
# Products of the article's three village libraries of Gunungkidul, besides their province's.
NAMED_PRODUCTS = {"DESA-KELOR": [("TEH-KELOR", "Teh daun kelor 50 g", 15000, 30000, (10, 40, 0.0))]}


@dataclass
class Stall:
    code: str
    name: str
    institution: str
    location: str


@dataclass
class Product:
    code: str
    stall: str
    name: str
    price: int
    stock: int | None


def province_of(inst: Institution) -> str:
    return inst.region.split(", ")[-1]


def stall_name(inst: Institution) -> str:
    """'Lapak Kab. Gunungkidul', 'Lapak Desa Gardu Pintar 2 Kepek', 'Lapak TBM Saung Baca'."""
    if inst.kind == "regency-city":
        short = inst.name.removeprefix(PROVINCIAL_PREFIX).strip().replace("Kabupaten ", "Kab. ")
    else:
        short = inst.name.removeprefix("Perpustakaan ").replace("Taman Bacaan Masyarakat", "TBM")
        short = short.split(", ")[0]
    return f"Lapak {short}"


def build_stalls(rng: random.Random, institutions: list[Institution]) -> tuple[list[Stall], list[Product]]:
    """About sixty stalls: a few regency/city libraries in the hall, village libraries and TBMs in
    the two atriums; each with three to eight products."""
    order = {inst.code: number for number, inst in enumerate(institutions)}
    by_code = {inst.code: inst for inst in institutions}
    regencies = [inst for inst in institutions if inst.kind == "regency-city" and inst.code != GUNUNGKIDUL_CODE]
    villages = [inst for inst in institutions if inst.kind == "village-tbm" and inst.code not in NAMED_CODES]
    pools = {
        "Hall Pameran": ([by_code[GUNUNGKIDUL_CODE]], regencies),
        "Atrium Utama": ([by_code[code] for code in NAMED_CODES],
                         [inst for inst in villages if province_of(inst) in ATRIUM_PROVINCES]),
        "Atrium Timur": ([], [inst for inst in villages if province_of(inst) not in ATRIUM_PROVINCES]),
    }
    names: set[str] = set()
    stalls: list[Stall] = []
    products: list[Product] = []
    for room, letter, count in STALL_AREAS:
        first, pool = pools[room]
        chosen = list(first)
        names.update(stall_name(inst) for inst in first)
        rest = []
        for inst in rng.sample(pool, len(pool)):
            if len(chosen) + len(rest) == count:
                break
            if stall_name(inst) not in names:
                names.add(stall_name(inst))
                rest.append(inst)
        chosen += sorted(rest, key=lambda inst: order[inst.code])  # neighbours from the same regency
        for position, inst in enumerate(chosen, start=1):
            stall = Stall(f"L{len(stalls) + 1:02d}", stall_name(inst), inst.code, f"{room}, {letter}{position:02d}")
            stalls.append(stall)
            products += stall_products(rng, stall, inst)
    return stalls, products


def stall_products(rng: random.Random, stall: Stall, inst: Institution) -> list[Product]:
    if inst.code == GUNUNGKIDUL_CODE:
        return [Product(f"{stall.code}-{suffix}", stall.code, name, price, stock)
                for suffix, name, price, stock in GUNUNGKIDUL_PRODUCTS]
    regional = NAMED_PRODUCTS.get(inst.code, []) + REGIONAL_PRODUCTS.get(province_of(inst), [])
    if inst.kind == "regency-city":  # a district library shows its province's best, and more
        count = rng.randint(5, MAX_PRODUCTS)
        specials = regional
    else:  # a village library brings its own products, perhaps one or two its province is known for
        count = rng.randint(MIN_PRODUCTS, MAX_PRODUCTS)
        own = NAMED_PRODUCTS.get(inst.code, [])
        province = regional[len(own):]
        specials = own + rng.sample(province, rng.randint(0, min(2, len(province))))
    taken = {spec[0] for spec in specials}
    general = [spec for spec in PRODUCTS if spec[0] not in taken]
    picks = (specials + rng.sample(general, len(general)))[:count]
    products = []
    for suffix, name, low, high, (fewest, most, uncounted) in picks:
        price = rupiah(rng.uniform(low, high))
        stock = None if rng.random() < uncounted else rng.randint(fewest, most)
        products.append(Product(f"{stall.code}-{suffix}", stall.code, name, price, stock))
    return products


def rp(rupiah: int) -> str:
    """'Rp 125.000', as the kiosk prints money."""
    return f"Rp {rupiah:,}".replace(",", ".")


def rupiah(value: float) -> int:
    """A shop price: to 500 below Rp 20.000, to 1.000 below Rp 100.000, to 5.000 above."""
    step = 500 if value < 20000 else 1000 if value < 100000 else 5000
    return min(HIGHEST_PRICE, max(LOWEST_PRICE, int(round(value / step)) * step))


# =============================================================================================
# The award ceremony (article: the four categories and their winners; the rest is invented)
# =============================================================================================

VIDEO_CODE = "VIDEO"
# code, title, title_en, description, presenter, nominees, winners. A nominee is an institution code,
# or (for the video competition) ("video", a film title, the institution code of who made it).
# Winners name nominees: an institution code, or the film's institution code for a video.
# The presenters are offices, never named people.
AWARDS = [
    ("PERPUSDA", "Perpustakaan Daerah Terbaik", "Best Regional Library",
     "Dinas perpustakaan kabupaten/kota yang paling kuat mendampingi perpustakaan desa mitranya.",
     "Kepala Perpustakaan Nasional RI",
     [GUNUNGKIDUL_CODE, "KAB-031", "KAB-059", "KOTA-004", "KAB-078", "KAB-054"],  # article: the winner
     [GUNUNGKIDUL_CODE]),
    ("PERPUSDES", "Perpustakaan Desa Terbaik", "Best Village Library",
     "Perpustakaan desa atau TBM yang paling nyata mengubah kehidupan warganya.",
     "Deputi Bidang Pembangunan Manusia, Masyarakat dan Kebudayaan, BAPPENAS",
     ["DESA-KEPEK", "DESA-260", "DESA-BEJIHARJO", "DESA-540", "DESA-079", "DESA-512"],
     ["DESA-KEPEK", "DESA-BEJIHARJO"]),  # article: two winners
    (VIDEO_CODE, "Pemenang Lomba Video Impact Perpustakaan", "Library Impact Video Competition",
     "Film pendek tentang dampak perpustakaan bagi warga desa, dibuat oleh pengelola perpustakaan.",
     "Perwakilan Badan Ekonomi Kreatif (BEKRAF)",
     [("video", "Nagari Membaca, Nagari Berdaya", "DESA-079"),
      ("video", "Dari Gardu Pintar, Kepek Berdaya", "DESA-KEPEK"),
      ("video", "Internet Masuk Kampung", "DESA-260"),
      ("video", "Kopi, Buku dan Harapan", "DESA-512"),
      ("video", "Menenun Masa Depan", "DESA-540")],
     ["DESA-KEPEK"]),  # article: the winner (the film and its title are invented)
    ("LAPAK", "Lapak Terbaik", "Best Stall",
     "Lapak di Ambarukmo Plaza dengan produk hasil pelatihan perpustakaan yang paling menarik.",
     "Direktur Jenderal Bina Pemerintahan Desa, Kemendagri",
     [GUNUNGKIDUL_CODE, "KAB-043", "KOTA-018", "DESA-KELOR", "DESA-382", "DESA-547"],
     [GUNUNGKIDUL_CODE]),  # article: the winner
]


def video_text(title: str, inst: Institution) -> str:
    return f"Video: {title} — {inst.name}"


# =============================================================================================
# Writing the files
# =============================================================================================

def toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def toml_value(value) -> str:
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return str(value)


def render_event_toml() -> str:
    lines = [
        "# PLM Nasional PerpuSeru 2018: the demo event that `kiosk demo` loads.",
        f"# Generated by {SCRIPT}; edit that script, not this file.",
        "#",
        "# From the article: the event, its dates and which venue hosts what. Invented: every room,",
        "# floor, capacity and direction below, and the shuttle times.",
        "#",
        "# Codes: lower-case letters, digits and '-'; room codes are unique across the whole event.",
        "# floor is text (\"LG\", \"1\", \"2\"...); capacity is a whole number above zero.",
        "# directions are in Indonesian, directions_en in English; both are optional.",
        "# public = false keeps a room out of the directory and the venue guide (default: true).",
        "",
        "[event]",
    ]
    lines += [f"{key} = {toml_value(value)}" for key, value in EVENT.items()]
    for venue in VENUES:
        lines += [
            "",
            "# " + "=" * 88,
            f"# {venue['name']}: {venue['role']}",
            "# " + "=" * 88,
            "[[venues]]",
            f"code = {toml_string(venue['code'])}",
            f"name = {toml_string(venue['name'])}",
            f"address = {toml_string(venue['address'])}",
        ]
        for code, name, floor, capacity, note, directions, directions_en in venue["rooms"]:
            lines += [
                "",
                f"# {name}: {note}",
                "[[venues.rooms]]",
                f"code = {toml_string(code)}",
                f"name = {toml_string(name)}",
                f"floor = {toml_string(floor)}",
                f"capacity = {capacity}",
                f"directions = {toml_string(directions)}",
                f"directions_en = {toml_string(directions_en)}",
            ]
            if code in BACK_OFFICE_ROOMS:
                lines.append("public = false                   # not in the directory nor the venue guide")
    lines += render_travel()
    lines += render_checkin_lists()
    return "\n".join(lines) + "\n"


def render_travel() -> list[str]:
    lines = [
        "",
        "# " + "=" * 88,
        "# Travel notes (invented): minutes by shuttle between two venues, each pair once, read both ways.",
        "# " + "=" * 88,
    ]
    for start, end, minutes in TRAVEL:
        lines += ["", "[[travel]]", f"from = {toml_string(start)}", f"to = {toml_string(end)}",
                  f"minutes = {minutes}"]
    return lines


# Check-in lists (invented): code, name, name_en, opens, closes (event's zone), categories admitted.
CHECKIN_LISTS = [
    ("HARI1", "Hari 1", "Day 1", "2018-07-05T06:00", "2018-07-05T17:59", []),
    ("GALA", "Gala dinner", "Gala dinner", "2018-07-05T18:00", "2018-07-06T00:30", ["vip", "speaker", "staff", "press"]),
    ("HARI2", "Hari 2", "Day 2", "2018-07-06T06:00", "2018-07-06T18:00", []),
]


def render_checkin_lists() -> list[str]:
    lines = [
        "",
        "# " + "=" * 88,
        "# Check-in lists (invented): who may check in, and when (times in the event's zone).",
        "# An empty categories list admits everyone; the gala dinner is for invited guests only.",
        "# " + "=" * 88,
    ]
    for code, name, name_en, opens, closes, categories in CHECKIN_LISTS:
        lines += [
            "",
            "[[checkin_lists]]",
            f"code = {toml_string(code)}",
            f"name = {toml_string(name)}",
            f"name_en = {toml_string(name_en)}",
            f"opens = {toml_string(opens)}",
            f"closes = {toml_string(closes)}",
            f"categories = {toml_value(categories)}",
        ]
    return lines


def render_awards_toml(institutions: list[Institution], stalls: list[Stall]) -> str:
    by_code = {inst.code: inst for inst in institutions}
    with_stall = {stall.institution for stall in stalls}
    lines = [
        "# The award ceremony of PLM Nasional PerpuSeru 2018, in running order.",
        f"# Generated by {SCRIPT}; edit that script, not this file.",
        "#",
        "# From the article: the four categories and their winners (the English titles translate them).",
        "# Invented: every other nominee, the film titles, the descriptions and the presenters (offices,",
        "# not people).",
        "#",
        "# A nominee is { institution = CODE }, { attendee = CODE } or { text = \"...\" }; each winner is",
        "# the institution code, attendee code or text of a nominee. The winners are sealed: only the",
        "# reveal, the awards console and an admin export show them.",
    ]
    for code, title, title_en, description, presenter, nominees, winners in AWARDS:
        entries, labels = [], {}
        for nominee in nominees:
            if isinstance(nominee, tuple):
                _, film, maker = nominee
                text = video_text(film, by_code[maker])
                entries.append(f"  {{ text = {toml_string(text)} }},")
                labels[maker] = text
            else:
                inst = by_code[nominee]
                if code == "LAPAK" and nominee not in with_stall:
                    raise SystemExit(f"{nominee} is nominated for the best stall but has no stall")
                entries.append(f"  {{ institution = {toml_string(nominee)} }},  # {inst.name}")
                labels[nominee] = nominee
        lines += [
            "",
            "[[categories]]",
            f"code = {toml_string(code)}",
            f"title = {toml_string(title)}",
            f"title_en = {toml_string(title_en)}",
            f"description = {toml_string(description)}",
            f"presenter = {toml_string(presenter)}",
            "nominees = [",
            *entries,
            "]",
            f"winners = {toml_value([labels[winner] for winner in winners])}",
        ]
    return "\n".join(lines) + "\n"


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def count_by(items, key) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[key(item)] = counts.get(key(item), 0) + 1
    return counts


def render_readme(institutions: list[Institution], attendees: list[Attendee], sessions: list[Session],
                  assignments: list[tuple[str, str]], stalls: list[Stall], products: list[Product]) -> str:
    kinds = count_by(institutions, lambda inst: inst.kind)
    categories = count_by(attendees, lambda person: person.category)
    hotels = count_by([p for p in attendees if p.hotel], lambda person: person.hotel)
    rooms = sum(len(venue["rooms"]) for venue in VENUES)
    kind_rows = "\n".join(f"| {kind} | {count} |" for kind, count in kinds.items())
    category_rows = "\n".join(f"| {category} | {count} |" for category, count in categories.items())
    hotel_list = ", ".join(f"{hotel} {count}" for hotel, count in hotels.items())
    session_kinds = count_by(sessions, lambda session: session.kind)
    session_rows = "\n".join(f"| {kind} | {count} |" for kind, count in session_kinds.items())
    slot_rows = "\n".join(
        f"| {number} | {day} {start}–{end} | {sum(1 for s in sessions if s.slot == number)} | "
        f"{sum(1 for _, code in assignments if code.startswith(f'D{1 if day == DAY1 else 2}-K{number}-'))} |"
        for number, day, start, end in CLASS_SLOTS)
    class_seats = sum(room[3] for venue in VENUES for room in venue["rooms"] if room[0] in CLASS_ROOMS)
    assigned_people = len({code for code, _ in assignments})
    kind_of = {inst.code: inst.kind for inst in institutions}
    stall_rows = "\n".join(
        f"| {room} | {letter}01–{letter}{count:02d} | {count} | "
        f"{', '.join(f'{kind} {n}' for kind, n in count_by([s for s in stalls if s.location.startswith(room + ', ')], lambda s: kind_of[s.institution]).items())} |"
        for room, letter, count in STALL_AREAS)
    counted = [p for p in products if p.stock is not None]
    prices = sorted(p.price for p in products)
    gunungkidul = next(s for s in stalls if s.institution == GUNUNGKIDUL_CODE)
    return f"""# PLM Nasional PerpuSeru 2018: the demo event

This folder is the demo event that `kiosk demo` loads into an empty store: the national Peer
Learning Meeting of PerpuSeru, 5–6 July 2018 in Yogyakarta. It is generated; do not edit it by
hand (see "Regenerating" below).

| file | what it holds |
| --- | --- |
| `event.toml` | the event, its 4 venues and their {rooms} rooms, with directions in Indonesian and English; the shuttle times; the check-in lists |
| `institutions.csv` | {len(institutions)} institutions |
| `attendees.csv` | {len(attendees)} attendees |
| `sessions.csv` | the two-day programme: {len(sessions)} sessions |
| `assignments.csv` | {len(assignments)} class assignments of {assigned_people} participants |
| `stalls.csv` | {len(stalls)} stalls at Ambarukmo Plaza |
| `products.csv` | {len(products)} products sold at the stalls |
| `awards.toml` | the award ceremony: {len(AWARDS)} categories, {sum(len(a[5]) for a in AWARDS)} nominees, their winners |

## Facts taken from the article

- The event: PLM Nasional PerpuSeru 2018, a sharing meeting of public-library activists,
  5–6 July 2018, Yogyakarta (Asia/Jakarta, WIB).
- Who came: 18 provincial libraries, 104 regency/city libraries and 768 village libraries or
  community reading gardens (TBM): 890 institutions.
- The venues and what happened in each, in the order the article gives them: registration and
  coordination at Hotel Sheraton; setting up and selling at the stalls ("lapak") at Ambarukmo
  Plaza; the plenary at Hotel Royal Ambarukmo; the sharing classes ("kelas berbagi") at Hotel
  Eastparc.
- The gala dinner with the awards (best regional library, best village library, library impact
  video, best stall), and its entertainers: Cak Lontong, Jenita Janet, Abdul and Ari Kriting. They
  appear only in the description of the gala dinner, never as speakers.
- The four award categories, in the order the article gives them, and the winners it names (all of them from
  Gunungkidul): "Perpustakaan Daerah Terbaik" (Kabupaten Gunungkidul's library service),
  "Perpustakaan Desa Terbaik" (two winners: Gardu Pintar 2 Kepek, Wonosari and Khasanah Info
  Bejiharjo, Karangmojo), "Pemenang Lomba Video Impact Perpustakaan" (Gardu Pintar 2 Kepek) and
  "Lapak Terbaik" (Kabupaten Gunungkidul).
- Guests at the gala dinner from BAPPENAS, Perpusnas RI, Kemenkeu, Kemendagri and BEKRAF; the
  PerpuSeru programme was started by Coca-Cola Foundation Indonesia and the Bill & Melinda Gates
  Foundation.
- One delegation: Dinas Perpustakaan dan Kearsipan Kabupaten Gunungkidul with 29 partner village
  libraries, among them Perpustakaan Desa Gardu Pintar 2 Kepek (Wonosari), Perpustakaan Desa
  Khasanah Info Bejiharjo (Karangmojo) and Perpustakaan Desa Kelor (Karangmojo).

## Everything else is invented

Every room, floor, capacity and direction; the venue street addresses (approximate); which
provinces, regencies and cities took part (the place names are real, the list is not); every
village library and TBM name other than the three above (built from common place names, paired
with districts freely); the press outlets; how many people each institution sent; **all people**,
their names, titles and categories; who stays in which hotel, and every hotel room number. Any
resemblance to real persons or real libraries is coincidental.

The programme is invented too: every session, its times, room, title, description and capacity;
the class topics; who speaks at the plenaries and who leads which class; which participant is
assigned to which class; and the shuttle minutes between the venues. Only its outline follows the
article (which venue hosted what, the two days, the gala dinner and its entertainers).

The stalls and products are invented as well. The article says only that the libraries set up
stalls ("lapak") at Ambarukmo Plaza to sell what their learning programmes produce, and that
Kabupaten Gunungkidul won the best-stall award ("Lapak Terbaik"): so Gunungkidul's district library
has a stall ({gunungkidul.code}, {gunungkidul.name}), as do the three named village libraries. Which
other libraries have a stall, where each stands, and every product, price and stock figure are
made up; the products are the kind village libraries sell (batik, woven cloth, pandan bags,
snacks, coffee, honey, palm sugar, herbal soap, rag dolls, children's books, bamboo crafts).
The demo's sales are not in this folder: `kiosk demo` records a day of invented sales
(`kiosk/demo/sales_day.py`) when it loads the event.

In the award ceremony (`awards.toml`) only the categories and the winners come from the article.
Every other nominee is invented (libraries of this folder, nominated for the demo, not by anyone in
2018), as are the category codes, the descriptions, the order of the nominees and the presenters,
who are offices ("Kepala Perpustakaan Nasional RI"), never named people; the English titles are
translations. The
article names Gardu Pintar 2 Kepek as the winner of the video competition but not its film: the
film titles of all five nominated videos are made up. The best-stall nominees all have a stall.

## Contents

| kind of institution | count |
| --- | --- |
{kind_rows}

| category of attendee | count |
| --- | --- |
{category_rows}

Lodged in a hotel: {hotel_list}.
The others (some VIPs, speakers, press and local staff) have no hotel.

| kind of session | count |
| --- | --- |
{session_rows}

Times are in WIB (Asia/Jakarta). Day 1 ({DAY1}): registration and coordination meetings at the
Sheraton from 07:00, stalls set up from 08:00 and open 10:00–21:00 at Ambarukmo Plaza, sharing
classes at the Eastparc 09:30–12:00 and 16:00–17:30, the opening plenary at the Royal Ambarukmo
13:00–15:30 (one talk in English), the gala dinner 19:00–00:30. Day 2 ({DAY2}): sharing classes
08:30–10:00 and 10:30–12:00, stalls 09:00–16:00, the closing plenary 13:00–15:00 and the closing
photo 15:30–16:00.

Every regency/city and village/TBM participant is assigned one sharing class a day: half of them
in slot 1 and slot 3, the other half in slot 2 and slot 4 (so a delegation of two or more always
has someone free for its stall), the people of one institution in different classes. Each class
is led by one regency/city and one village participant (who sit in their own class), some also by
a PerpuSeru or Perpusnas speaker. Provincial participants and guests have no assignments. The
{len(CLASS_ROOMS)} Eastparc class rooms seat {class_seats} in each slot.

| class slot | time | classes | assigned |
| --- | --- | --- | --- |
{slot_rows}

Stalls at Ambarukmo Plaza, by area (position letter and number in `location`, e.g.
"{stalls[9].location}"): the district libraries in the exhibition hall, the village libraries and
TBMs of Java, Bali and Nusa Tenggara in the main atrium, those of Sumatra, Kalimantan and Sulawesi
in the east atrium.

| area | positions | stalls | kinds of institution |
| --- | --- | --- | --- |
{stall_rows}

{len(products)} products, {MIN_PRODUCTS} to {MAX_PRODUCTS} a stall, priced from {rp(prices[0])} to {rp(prices[-1])}
(median {rp(prices[len(prices) // 2])}); {len(counted)} have a counted stock, the other {len(products) - len(counted)}
are not counted (blank `stock`).

## Regenerating

From the repository root:

    python {SCRIPT}

The script uses only the standard library and `random.Random({SEED})`, so every run writes
byte-identical files. Change the script, run it, and commit both.

## File formats

The columns and rules of `event.toml`, `institutions.csv` and `attendees.csv` are described in
the project README (`README.md` at the repository root); `kiosk import FOLDER` checks a folder
against them. The programme, stall and award files:

- `event.toml` `[[travel]]` tables: `from` and `to` (venue codes) and `minutes`, each pair once.
- `sessions.csv`: `code,title,title_en,kind,room,start,end,speakers,language,capacity,description`;
  kind is one of registration, plenary, class, stalls, gala, other; start and end are
  `YYYY-MM-DD HH:MM` in the event's zone (the gala dinner ends after midnight); speakers are
  separated by `; `; a blank capacity means the room's capacity. No two sessions share a room at
  the same time.
- `assignments.csv`: `attendee,session` (an attendee code and a session code).
- `stalls.csv`: `code,name,institution,location`; codes `L01`, `L02`…; institution is a code from
  `institutions.csv`; location is the area and position at Ambarukmo Plaza.
- `products.csv`: `code,stall,name,price,stock`; a code (`STALL-WHAT`, at most 16 of A-Z, 0-9 and
  `-`, unique in the event) is what a product label's QR code says after `P:`; price is whole rupiah
  in digits; stock is a whole number, or blank when it is not counted.
- `awards.toml`: one `[[categories]]` table per category, in running order: `code`, `title`,
  optional `title_en`, `description` and `presenter`, `nominees` (each `{{ institution = CODE }}`,
  `{{ attendee = CODE }}` or `{{ text = "..." }}`) and `winners` (each the code or text of a nominee;
  at least one, more than one allowed).
"""


def main() -> None:
    rng = random.Random(SEED)
    institutions = build_institutions(rng)
    attendees = build_attendees(rng, institutions)
    assign_hotels(rng, attendees)
    halves = split_halves(institutions, attendees)
    sessions = build_sessions(rng, institutions, attendees, halves)
    assignments = build_assignments(rng, institutions, attendees, halves, sessions)
    stalls, products = build_stalls(rng, institutions)  # drawn last: the files above stay as they were
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "event.toml").write_text(render_event_toml(), encoding="utf-8", newline="\n")
    write_csv(OUT_DIR / "institutions.csv", ["code", "name", "kind", "region"],
              [[i.code, i.name, i.kind, i.region] for i in institutions])
    write_csv(OUT_DIR / "attendees.csv",
              ["code", "name", "institution", "category", "language", "hotel", "hotel_room"],
              [[a.code, a.name, a.institution, a.category, a.language, a.hotel, a.hotel_room]
               for a in attendees])
    write_csv(OUT_DIR / "sessions.csv",
              ["code", "title", "title_en", "kind", "room", "start", "end", "speakers", "language",
               "capacity", "description"],
              [[s.code, s.title, s.title_en, s.kind, s.room, s.start, s.end, "; ".join(s.speakers),
                s.language, "" if s.capacity is None else str(s.capacity), s.description] for s in sessions])
    write_csv(OUT_DIR / "assignments.csv", ["attendee", "session"], [list(pair) for pair in assignments])
    write_csv(OUT_DIR / "stalls.csv", ["code", "name", "institution", "location"],
              [[s.code, s.name, s.institution, s.location] for s in stalls])
    write_csv(OUT_DIR / "products.csv", ["code", "stall", "name", "price", "stock"],
              [[p.code, p.stall, p.name, str(p.price), "" if p.stock is None else str(p.stock)] for p in products])
    (OUT_DIR / "awards.toml").write_text(render_awards_toml(institutions, stalls), encoding="utf-8", newline="\n")
    (OUT_DIR / "README.md").write_text(render_readme(institutions, attendees, sessions, assignments, stalls,
                                                     products), encoding="utf-8", newline="\n")
    print(f"wrote {OUT_DIR}: {len(institutions)} institutions, {len(attendees)} attendees, "
          f"{len(sessions)} sessions, {len(assignments)} assignments, {len(stalls)} stalls, "
          f"{len(products)} products")


if __name__ == "__main__":
    main()
